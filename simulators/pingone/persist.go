package pingone

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"sync"
	"sync/atomic"
	"time"

	"github.com/courier-run/courier/internal/atomicfile"
)

// snapshotVersion changes when a snapshot written before cannot be read
// as the server's state today; an older file is then set aside, not read.
const snapshotVersion = 1

// flushEvery bounds how long a change waits before it reaches the state
// file while the server runs; Close writes the rest.
const flushEvery = 200 * time.Millisecond

// notPersisted are Server fields that are configuration or machinery,
// not tenant state.
var notPersisted = map[string]bool{"opts": true, "mu": true, "persist": true, "auth": true, "areas": true, "api": true}

type snapshotFile struct {
	Version int            `json:"version"`
	SavedAt time.Time      `json:"savedAt"`
	State   map[string]any `json:"state"`
}

// Snapshot returns the server's whole state (environments, users,
// applications, keys, sessions, tokens, flows) as JSON.
func (s *Server) Snapshot() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := &encoder{ptrs: map[uintptr]int{}}
	v := reflect.ValueOf(s).Elem()
	state := map[string]any{}
	for i := 0; i < v.NumField(); i++ {
		name := v.Type().Field(i).Name
		if notPersisted[name] {
			continue
		}
		x, err := e.encode(field(v, i), name)
		if err != nil {
			return nil, fmt.Errorf("keeping the local PingOne's state: %w", err)
		}
		state[name] = x
	}
	return json.Marshal(snapshotFile{Version: snapshotVersion, SavedAt: time.Now().UTC(), State: state})
}

// Restore replaces the server's state with a snapshot's.
func (s *Server) Restore(data []byte) error {
	var f snapshotFile
	if err := json.Unmarshal(data, &f); err != nil {
		return err
	}
	if f.Version != snapshotVersion {
		return fmt.Errorf("the state was written by another version of courier (format %d, this one reads %d)", f.Version, snapshotVersion)
	}
	fresh := &Server{}
	d := &decoder{ptrs: map[int]reflect.Value{}}
	v := reflect.ValueOf(fresh).Elem()
	for i := 0; i < v.NumField(); i++ {
		name := v.Type().Field(i).Name
		if notPersisted[name] {
			continue
		}
		if err := d.decode(f.State[name], field(v, i), name); err != nil {
			return err
		}
	}
	hashPlainPasswords(fresh.users)
	hashPlainSecretFields(fresh.moreSt) // write_only.go
	s.mu.Lock()
	defer s.mu.Unlock()
	dst := reflect.ValueOf(s).Elem()
	for i := 0; i < v.NumField(); i++ {
		if !notPersisted[v.Type().Field(i).Name] {
			field(dst, i).Set(field(v, i))
		}
	}
	return nil
}

// persister keeps the state file in step with the server: requests mark
// it dirty, a ticker writes it at most every flushEvery, Close writes the
// last changes.
type persister struct {
	path  string
	dirty atomic.Bool
	stop  chan struct{}
	done  chan struct{}
	once  sync.Once
	err   error // the last write's failure, reported by Close
}

// OpenState loads the server's state from path (a missing file is a fresh
// tenant) and keeps saving it there while the server runs. reset starts
// empty, discarding what the file held.
func (s *Server) OpenState(path string, reset bool) error {
	data, err := os.ReadFile(path)
	switch {
	case reset || errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("reading the local PingOne's state: %w", err)
	default:
		if err := s.Restore(data); err != nil {
			return fmt.Errorf("%s: %w (start with --reset to discard it)", path, err)
		}
	}
	p := &persister{path: path, stop: make(chan struct{}), done: make(chan struct{})}
	s.persist = p
	p.dirty.Store(true) // write the tenant's credentials at once
	if err := p.flush(s); err != nil {
		return err
	}
	go func() {
		defer close(p.done)
		t := time.NewTicker(flushEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.err = p.flush(s)
			case <-p.stop:
				return
			}
		}
	}()
	return nil
}

func (p *persister) flush(s *Server) error {
	if !p.dirty.Swap(false) {
		return nil
	}
	data, err := s.Snapshot()
	if err != nil {
		return err
	}
	return writeFileAtomic(p.path, data)
}

// CloseState writes the last changes and stops saving.
func (s *Server) CloseState() error {
	p := s.persist
	if p == nil {
		return nil
	}
	var err error
	p.once.Do(func() {
		close(p.stop)
		<-p.done
		err = p.flush(s)
		if err == nil {
			err = p.err
		}
	})
	return err
}

func (s *Server) touched() {
	if p := s.persist; p != nil {
		p.dirty.Store(true)
	}
}

// writeFileAtomic writes data readable by the user only (the state holds
// secrets and private keys), through a temporary file renamed into place
// so a crash never leaves half a file.
func writeFileAtomic(path string, data []byte) error {
	if err := atomicfile.WriteFile(path, data, 0o600); err != nil {
		return fmt.Errorf("keeping the local PingOne's state: %w", err)
	}
	return nil
}
