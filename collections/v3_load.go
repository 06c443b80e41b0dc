package collections

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf16"

	yaml "go.yaml.in/yaml/v3"

	"github.com/courier-run/courier/internal/lazyre"
)

// Postman v12 stores a collection as a directory of YAML files (collection
// format v3, "Git-native"): one *.request.yaml per request, a sub-directory
// per folder, .resources/definition.yaml for collection and folder metadata,
// and .resources/<Request>.resources/examples/*.example.yaml for saved
// responses. The rules below were found by running Postman CLI 1.34 on
// purpose-made directories (see docs/v3-collections.md):
//
//   - siblings (requests and folders alike) sort by order, a missing order
//     counting as 0; equal orders sort by display name, compared as
//     JavaScript compares strings (UTF-16 code units, case-sensitive);
//   - a file that does not parse, or whose fields have the wrong type, is
//     dropped and the rest of the collection still runs; a broken
//     definition leaves its folder in place without metadata;
//   - request files inside .resources are ignored;
//   - in a multi-auth list the last entry is the one in force.
//
// Postman drops such files silently; courier drops the same files but
// reports each one as a Notice.

// Notice is something loading a v3 directory skipped or tolerated. The
// collection still loads without it.
type Notice struct {
	Source string // the file or directory concerned
	Line   int    // 1-based; 0 when not about a place in the file
	Column int
	// Kind is set for a request of another protocol that is not run:
	// its $kind (grpc-request, websocket-request...).
	Kind    string
	Message string
}

func (n Notice) String() string {
	switch {
	case n.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %s", n.Source, n.Line, n.Column, n.Message)
	case n.Source != "":
		return n.Source + ": " + n.Message
	}
	return n.Message
}

// Limits on what a v3 directory may hold; real ones are a few hundred files
// of a few KB.
const (
	maxV3File  = 16 << 20
	maxV3Total = maxCollectionSize
	maxV3Files = 100000
	maxV3Depth = 64
	// maxV3Entries bounds the walk of a directory given by mistake (a home
	// directory is not a collection).
	maxV3Entries = 200000
)

// v3 item kinds. Only HTTP (and GraphQL, sent over HTTP) run; the others
// are reported as skipped.
var v3OtherKinds = map[string]string{
	"grpc-request":      "gRPC",
	"websocket-request": "WebSocket",
	"socketio-request":  "Socket.IO",
	"mqtt-request":      "MQTT",
	"mcp-request":       "MCP",
	"llm-request":       "LLM",
}

var (
	// Postman CLI 1.34 runs a request file whose suffix is in any case
	// (x.REQUEST.YAML), naming it "New Request" when it gives no name:
	// (fresh-round10v-files.json).
	requestFile    = lazyre.New(`(?i)\.request\.ya?ml$`)
	requestSuffix  = lazyre.New(`\.request\.ya?ml$`)
	exampleFile    = lazyre.New(`\.example\.ya?ml$`)
	definitionFile = []string{"definition.yaml", "definition.yml"}
)

// LoadDir loads the v3 collection stored in directory dir.
func LoadDir(dir string) (*Collection, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, &LoadError{Source: dir, Err: err}
	}
	if !st.IsDir() {
		return nil, &LoadError{Source: dir, Err: errors.New("not a directory")}
	}
	return LoadFS(os.DirFS(dir), dir)
}

// LoadFS loads a v3 collection whose directory is the root of fsys; source
// names it in messages (file paths are joined to it).
func LoadFS(fsys fs.FS, source string) (*Collection, error) {
	l := &v3loader{fsys: fsys, source: source}
	c := &Collection{Format: "v3", Source: source}
	c.Info.Name = filepath.Base(filepath.Clean(source))
	if abs, err := filepath.Abs(source); err == nil && c.Info.Name == "." {
		// `courier run .`: the directory's own name, as Postman CLI names it.
		c.Info.Name = filepath.Base(abs)
	}
	if c.Info.Name == "." || c.Info.Name == string(filepath.Separator) {
		c.Info.Name = "collection"
	}
	l.prefetch()
	if l.tooBig {
		return nil, &LoadError{Source: source, Err: fmt.Errorf("%w: the directory holds more than %d files and folders; point courier at one collection directory (postman/collections/<Name>) or a repository root with --collection", ErrNotCollection, maxV3Entries)}
	}
	def := l.definition(".")
	if def != nil {
		if def.hasName {
			c.Info.Name = def.name
		}
		c.Info.Description = def.description
		c.Variables, c.Auth, c.Events = def.variables, def.auth, def.events
		c.ProtocolProfileBehavior = def.settings
	}
	items, err := l.folder(".", nil, 0)
	if err != nil {
		return nil, err
	}
	c.Items = items
	if def == nil && l.requests == 0 && l.failed == 0 {
		return nil, &LoadError{Source: source, Err: fmt.Errorf("%w: the directory has no .resources/definition.yaml and no *.request.yaml files (a Postman v12 collection is a directory under postman/collections/)", ErrNotCollection)}
	}
	normalize(c)
	assignIDs(c)
	c.Notices = l.notices
	return c, nil
}

type v3loader struct {
	// parsed holds the request and example files parsed ahead, in
	// parallel; the tree is then built in one deterministic pass.
	parsed   map[string]parsedFile
	fsys     fs.FS
	source   string
	notices  []Notice
	files    int
	bytes    int64
	tooBig   bool
	requests int // requests loaded
	failed   int // request files dropped
}

func (l *v3loader) where(rel string) string {
	if rel == "." {
		return l.source
	}
	return filepath.Join(l.source, filepath.FromSlash(rel))
}

func (l *v3loader) notice(n Notice) { l.notices = append(l.notices, n) }

// noticeErr turns a file's LoadError into a notice that says what happened.
func (l *v3loader) noticeErr(err error, consequence string) {
	var le *LoadError
	if errors.As(err, &le) {
		msg := le.Err.Error()
		if le.Path != "" {
			msg = le.Path + ": " + msg
		}
		l.notice(Notice{Source: le.Source, Line: le.Line, Column: le.Column, Message: msg + "; " + consequence})
		return
	}
	l.notice(Notice{Source: l.source, Message: err.Error() + "; " + consequence})
}

// read reads a file of the collection within the size limits.
func (l *v3loader) read(rel string) ([]byte, error) {
	l.files++
	if l.files > maxV3Files {
		return nil, &LoadError{Source: l.source, Err: fmt.Errorf("%w: more than %d files; is this a collection directory?", errV3Limit, maxV3Files)}
	}
	data, err := readLimited(l.fsys, rel, l.where(rel))
	if err != nil {
		return nil, err
	}
	l.bytes += int64(len(data))
	if l.bytes > maxV3Total {
		return nil, &LoadError{Source: l.source, Err: fmt.Errorf("%w: the collection is larger than %d MB", errV3Limit, maxV3Total>>20)}
	}
	return data, nil
}

// fatal reports errors that stop the whole load (limits, unreadable
// directories) as opposed to a bad file, which is only skipped.
func fatal(err error) bool { return errors.Is(err, errV3Limit) }

// errV3Limit marks the limits that stop a whole load (a file too large is
// only skipped).
var errV3Limit = errors.New("too much to load")

type parsedFile struct {
	m   ymap
	err error
}

// prefetch reads and parses every *.request.yaml and *.example.yaml of the
// tree on all cores; YAML parsing is most of the cost of a load.
func (l *v3loader) prefetch() {
	var files []string
	visited := 0
	_ = fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		visited++
		if visited > maxV3Entries {
			l.tooBig = true
			return fs.SkipAll
		}
		if err != nil || len(files) > maxV3Files {
			return fs.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		if requestFile().MatchString(d.Name()) || exampleFile().MatchString(d.Name()) {
			files = append(files, p)
		}
		return nil
	})
	if len(files) < 8 {
		return
	}
	workers := min(runtime.GOMAXPROCS(0), 8)
	results := make([]parsedFile, len(files))
	sizes := make([]int64, len(files))
	var next atomic.Int64
	var total atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) || total.Load() > maxV3Total {
					return
				}
				data, err := readLimited(l.fsys, files[i], l.where(files[i]))
				if err != nil {
					results[i] = parsedFile{err: err}
					continue
				}
				sizes[i] = int64(len(data))
				total.Add(sizes[i])
				src := l.where(files[i])
				root, err := yamlDoc(data, src)
				results[i] = parsedFile{m: ymap{src: src, node: root}, err: err}
			}
		}()
	}
	wg.Wait()
	if total.Load() > maxV3Total {
		return // parse() will meet the limit again and stop the load
	}
	l.parsed = make(map[string]parsedFile, len(files))
	for i, f := range files {
		if results[i].err == nil && results[i].m.node == nil {
			continue // not reached
		}
		l.parsed[f] = results[i]
		l.bytes += sizes[i]
	}
	l.files += len(files)
}

func readLimited(fsys fs.FS, rel, src string) ([]byte, error) {
	// Stat before opening: opening a named pipe blocks until something
	// writes to it, and a link to /dev/zero or a device never ends. A
	// collection's files are regular files.
	st, err := fs.Stat(fsys, rel)
	if err != nil {
		return nil, &LoadError{Source: src, Err: err}
	}
	if !st.Mode().IsRegular() {
		return nil, &LoadError{Source: src, Err: fmt.Errorf("%s, not a regular file; a collection holds only files and directories", fileKind(st.Mode()))}
	}
	f, err := fsys.Open(rel)
	if err != nil {
		return nil, &LoadError{Source: src, Err: err}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxV3File+1))
	if err != nil {
		return nil, &LoadError{Source: src, Err: err}
	}
	if len(data) > maxV3File {
		return nil, &LoadError{Source: src, Err: fmt.Errorf("file is larger than %d MB", maxV3File>>20)}
	}
	return data, nil
}

// fileKind names what a non-regular file is, for errors.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a directory"
	}
	return "a special file"
}

func (l *v3loader) parse(rel string) (ymap, error) {
	if p, ok := l.parsed[rel]; ok {
		return p.m, p.err
	}
	data, err := l.read(rel)
	if err != nil {
		return ymap{}, err
	}
	src := l.where(rel)
	root, err := yamlDoc(data, src)
	if err != nil {
		return ymap{}, err
	}
	return ymap{src: src, node: root}, nil
}

// v3def is a decoded definition.yaml.
type v3def struct {
	name, description string
	hasName           bool // name: present, even empty
	order             float64
	hasOrder          bool
	variables         []Variable
	auth              *Auth
	events            []Event
	settings          map[string]any
}

// definition reads dir/.resources/definition.yaml; nil when absent or
// broken (a notice says which).
func (l *v3loader) definition(dir string) *v3def {
	for _, name := range definitionFile {
		rel := path.Join(dir, ".resources", name)
		if _, err := fs.Stat(l.fsys, rel); err != nil {
			continue
		}
		d, err := l.decodeDefinition(rel)
		if err != nil {
			what := "the folder loads without its definition (name, order, variables, auth, scripts), as in Postman"
			if dir == "." {
				what = "the collection loads without its definition (variables, auth, scripts), as in Postman"
			}
			l.noticeErr(err, what)
			return nil
		}
		return d
	}
	return nil
}

func (l *v3loader) decodeDefinition(rel string) (*v3def, error) {
	m, err := l.parse(rel)
	if err != nil {
		return nil, err
	}
	kind, err := m.str("$kind", "$kind")
	if err != nil {
		return nil, err
	}
	if kind != "" && kind != "collection" {
		n := m.get("$kind")
		return nil, m.fieldErr(n, "$kind", "a definition file must say \"$kind: collection\", not %q", kind)
	}
	if m.get("$kind") == nil {
		// postman collection lint accepts a definition without $kind, and
		// courier follows it; Postman CLI 1.34 ignores the whole definition
		// (fresh-round14v-l.json).
		l.notice(Notice{Source: m.src, Line: 1, Column: 1, Message: "no $kind: Postman CLI 1.34 ignores a definition without one (its variables, auth and scripts), though postman collection lint accepts it; courier loads it: add \"$kind: collection\" to run the same in both"})
	}
	if err := m.nullFields(v3DefinitionKeys, true); err != nil {
		return nil, err
	}
	d := &v3def{}
	if d.name, err = m.str("name", "name"); err != nil {
		return nil, err
	}
	d.hasName = m.get("name") != nil
	if d.description, err = m.str("description", "description"); err != nil {
		return nil, err
	}
	if d.order, d.hasOrder, err = m.number("order", "order"); err != nil {
		return nil, err
	}
	if d.variables, err = m.variables(m.get("variables"), "variables"); err != nil {
		return nil, err
	}
	if d.auth, err = m.v3auth(m.get("auth"), "auth", true); err != nil {
		return nil, err
	}
	l.notices = append(l.notices, m.credentialNotices(m.get("auth"))...)
	var warn []Notice
	if d.events, warn, err = m.v3scripts(m.get("scripts"), "scripts", true); err != nil {
		return nil, err
	}
	l.notices = append(l.notices, warn...)
	if d.settings, err = m.settings(); err != nil {
		return nil, err
	}
	l.notices = append(l.notices, m.timeoutSettings()...)
	l.notices = append(l.notices, m.unknownKeys(v3DefinitionKeys)...)
	return d, nil
}

// v3child is an item with what it sorts by.
type v3child struct {
	item  *Item
	order float64
	name  string
	file  string
}

// folder loads the requests and sub-folders of dir (relative to the
// collection root), sorted as Postman sorts them.
func (l *v3loader) folder(dir string, parent *Item, depth int) ([]*Item, error) {
	if depth > maxV3Depth {
		l.notice(Notice{Source: l.where(dir), Message: fmt.Sprintf("folders nest deeper than %d levels; the rest is skipped", maxV3Depth)})
		return nil, nil
	}
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		return nil, &LoadError{Source: l.where(dir), Err: err}
	}
	l.checkCase(dir, entries)
	var kids []v3child
	for _, e := range entries {
		name := e.Name()
		rel := path.Join(dir, name)
		isDir := e.IsDir()
		if l.linkedDir(e, rel) {
			continue
		}
		switch {
		case isDir && name == ".resources":
			l.checkResources(rel)
		case isDir:
			// A directory whose name starts with a dot is a folder too, as
			// Postman CLI 1.34 runs it (fresh-round10v-files.json).
			ch, err := l.subfolder(rel, name, parent, depth)
			if err != nil {
				return nil, err
			}
			kids = append(kids, ch)
		case requestFile().MatchString(name):
			ch, err := l.request(rel, parent)
			if err != nil {
				if fatal(err) {
					return nil, err
				}
				l.failed++
				l.noticeErr(err, "the request is skipped, as Postman skips it")
				continue
			}
			if ch != nil {
				kids = append(kids, *ch)
			}
		}
	}
	sortV3Children(kids)
	out := make([]*Item, 0, len(kids))
	for _, k := range kids {
		out = append(out, k.item)
	}
	return out, nil
}

// linkedDir reports whether the entry is to be skipped as a symbolic link
// to a directory (which could loop; said in a notice) or one that does not
// resolve. Links to files are read.
func (l *v3loader) linkedDir(e fs.DirEntry, rel string) bool {
	if e.Type()&fs.ModeSymlink == 0 {
		return false
	}
	st, err := fs.Stat(l.fsys, rel)
	if err != nil {
		return true
	}
	if st.IsDir() {
		l.notice(Notice{Source: l.where(rel), Message: "symbolic link to a directory skipped"})
		return true
	}
	return false
}

// subfolder loads the folder at rel: its definition file (name,
// description, variables, auth, scripts, settings, order), then its
// contents.
func (l *v3loader) subfolder(rel, name string, parent *Item, depth int) (v3child, error) {
	it := &Item{Name: name, Folder: true, Parent: parent, File: rel}
	ch := v3child{item: it, name: name, file: name}
	if def := l.definition(rel); def != nil {
		if def.hasName {
			it.Name, ch.name = def.name, def.name
		}
		it.Description = def.description
		it.Variables, it.Auth, it.Events = def.variables, def.auth, def.events
		it.ProtocolProfileBehavior = def.settings
		if def.hasOrder {
			o := def.order
			it.Order, ch.order = &o, o
		}
	}
	var err error
	if it.Items, err = l.folder(rel, it, depth+1); err != nil {
		return v3child{}, err
	}
	return ch, nil
}

// sortV3Children sorts a folder's contents as Postman does: by order, then
// by name (as JavaScript compares strings), then by file name.
func sortV3Children(kids []v3child) {
	sort.SliceStable(kids, func(i, j int) bool {
		a, b := kids[i], kids[j]
		if a.order != b.order {
			return a.order < b.order
		}
		if c := compareUTF16(a.name, b.name); c != 0 {
			return c < 0
		}
		return a.file < b.file
	})
}

// compareUTF16 compares as JavaScript's < does on strings.
func compareUTF16(a, b string) int {
	if a == b {
		return 0
	}
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			if ua[i] < ub[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(ua) < len(ub):
		return -1
	case len(ua) > len(ub):
		return 1
	}
	return 0
}

// checkCase reports entries whose names differ only in case: on macOS and
// Windows, where Postman users often work, they are the same file.
func (l *v3loader) checkCase(dir string, entries []fs.DirEntry) {
	seen := map[string]string{}
	for _, e := range entries {
		k := strings.ToLower(e.Name())
		if other, ok := seen[k]; ok {
			l.notice(Notice{Source: l.where(path.Join(dir, e.Name())),
				Message: fmt.Sprintf("the name differs from %q only in case; both load here, but on macOS and Windows (case-insensitive file systems) one replaces the other: rename one", other)})
			continue
		}
		seen[k] = e.Name()
	}
}

// checkResources reports request files placed inside .resources, which
// Postman ignores.
func (l *v3loader) checkResources(dir string) {
	n := 0
	_ = fs.WalkDir(l.fsys, dir, func(p string, d fs.DirEntry, err error) error {
		n++
		if err != nil || n > 10000 {
			return fs.SkipAll
		}
		if !d.IsDir() && requestFile().MatchString(d.Name()) {
			l.notice(Notice{Source: l.where(p), Message: "a request file inside .resources is not run (Postman ignores it too); move it next to the other requests of its folder"})
		}
		return nil
	})
}

func stem(name string) string {
	// A suffix Postman does not take as written, or a file named only
	// .request.yaml, gives "New Request" (fresh-round11v-names.json).
	if s := requestSuffix().ReplaceAllString(name, ""); s != "" && requestSuffix().MatchString(name) {
		return s
	}
	return "New Request"
}

var httpMethod = lazyre.New(`^[A-Z][A-Z0-9_-]*$`)

// request loads one *.request.yaml. A nil child with a nil error is a
// request of another protocol, reported as skipped.
func (l *v3loader) request(rel string, parent *Item) (*v3child, error) {
	m, err := l.parse(rel)
	if err != nil {
		return nil, err
	}
	kind, err := m.str("$kind", "$kind")
	if err != nil {
		return nil, err
	}
	base := path.Base(rel)
	name := stem(base)
	if n, err := m.str("name", "name"); err != nil {
		return nil, err
	} else if n != "" {
		// An empty name: is the file's, as in Postman CLI 1.34.
		name = n
	}
	if run, err := l.runsKind(m, kind, name, parent); !run {
		return nil, err
	}
	if err := m.nullFields(v3RequestKeys, false); err != nil {
		return nil, err
	}
	it := &Item{Name: name, Parent: parent, File: rel}
	ch := &v3child{item: it, name: name, file: base}
	o, has, err := m.number("order", "order")
	if err != nil {
		return nil, err
	}
	if has {
		it.Order, ch.order = &o, o
	}
	if it.Request, err = m.v3request(kind == "graphql-request"); err != nil {
		return nil, err
	}
	var warn []Notice
	if it.Events, warn, err = m.v3scripts(m.get("scripts"), "scripts", false); err != nil {
		return nil, err
	}
	if it.ProtocolProfileBehavior, err = m.settings(); err != nil {
		return nil, err
	}
	l.notices = append(append(l.notices, warn...), m.timeoutSettings()...)
	l.notices = append(l.notices, m.credentialNotices(m.get("auth"))...)
	known := v3RequestKeys
	if kind == "graphql-request" {
		known = append(slices.Clip(known), v3GraphQLKeys...)
	}
	l.notices = append(l.notices, m.unknownKeys(known)...)
	if err := l.examples(it, rel, m); err != nil {
		return nil, err
	}
	l.requests++
	return ch, nil
}

// runsKind reports whether a request file of this $kind is run: HTTP and
// GraphQL are; the other kinds Postman knows are skipped with a notice;
// a missing or unknown kind is an error.
func (l *v3loader) runsKind(m ymap, kind, name string, parent *Item) (bool, error) {
	switch kind {
	case "http-request", "graphql-request":
		return true, nil
	case "":
		return false, &LoadError{Source: m.src, Line: m.node.Line, Column: m.node.Column, Path: "$kind",
			Err: errors.New("missing: Postman expects \"$kind: http-request\" (or another request kind) in every request file")}
	}
	if label, ok := v3OtherKinds[kind]; ok {
		l.notice(Notice{Source: m.src, Kind: kind, Message: fmt.Sprintf("%s request %q skipped: courier runs HTTP and GraphQL requests only", label, strings.Join(append(parentPath(parent), name), " / "))})
		return false, nil
	}
	return false, m.fieldErr(m.get("$kind"), "$kind", "unknown kind %q; Postman expects http-request, graphql-request, grpc-request, websocket-request, socketio-request, mqtt-request, mcp-request or llm-request", kind)
}

// v3request reads a request file's request: description, method (GET, or
// POST for GraphQL), url with query and path variables, headers, body
// (GraphQL's query and variables from the top level) and auth.
func (m ymap) v3request(graphql bool) (*Request, error) {
	// A request's description is the request's, where v2.1 keeps it
	// (request.description), so that a v2.1 export does not write it twice.
	desc, err := m.str("description", "description")
	if err != nil {
		return nil, err
	}
	req := &Request{Method: "GET", Description: desc}
	method, err := m.str("method", "method")
	if err != nil {
		return nil, err
	}
	if method != "" {
		if !httpMethod().MatchString(method) {
			return nil, m.fieldErr(m.get("method"), "method", "Postman expects an upper-case HTTP method (GET, POST...), got %q", method)
		}
		req.Method = method
	}
	if graphql && method == "" {
		req.Method = "POST"
	}
	rawURL, err := m.str("url", "url")
	if err != nil {
		return nil, err
	}
	if req.URL, err = m.v3url(rawURL, m.get("queryParams"), m.get("pathVariables")); err != nil {
		return nil, err
	}
	hs, err := m.kvList(m.get("headers"), "headers", false)
	if err != nil {
		return nil, err
	}
	for _, h := range hs {
		req.Header = append(req.Header, Header{Key: h.Key, Value: h.Value, Disabled: h.Disabled, Described: h.Description != "", Description: h.Description, FromV3: true})
	}
	if graphql {
		// A GraphQL request keeps query, variables (text) and
		// operationName at the top level; Postman sends them as a JSON POST.
		if req.Body, err = m.graphqlBody(m, ""); err != nil {
			return nil, err
		}
	} else if req.Body, err = m.v3body(m.get("body"), "body"); err != nil {
		return nil, err
	}
	if req.Auth, err = m.v3auth(m.get("auth"), "auth", false); err != nil {
		return nil, err
	}
	return req, nil
}

func parentPath(p *Item) []string {
	if p == nil {
		return nil
	}
	return p.Path()
}

// settings maps a request's or definition's settings to protocol options.
func (m ymap) settings() (map[string]any, error) {
	n := m.get("settings")
	if isNullNode(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, m.fieldErr(n, "settings", "Postman expects a mapping of settings here, got %s", nodeKind(n))
	}
	if err := m.settingKinds(n); err != nil {
		return nil, err
	}
	v, err := plainJSON(n)
	if err != nil {
		return nil, m.fieldErr(n, "settings", "%v", err)
	}
	out, _ := v.(map[string]any)
	if err := m.disabledSystemHeaders(ymap{src: m.src, node: n}, out); err != nil {
		return nil, err
	}
	return out, nil
}

// v3FlagSettings are the settings Postman's model types as booleans; a
// request that gives one as text or a number (followRedirects: 'false',
// disableCookies: 'true', followRedirects: 0) is skipped by Postman CLI
// 1.34, as one whose maxRedirects is not a number (fresh-round12v-misc.json).
var v3FlagSettings = []string{"followRedirects", "followOriginalHttpMethod", "followAuthorizationHeader",
	"removeRefererHeaderOnRedirect", "disableUrlEncoding", "disableCookies", "strictSSL", "insecureHTTPParser",
	"disableBodyPruning", "tlsPreferServerCiphers"}

// settingKinds checks the typed settings: flags are booleans, maxRedirects
// a number.
func (m ymap) settingKinds(n *yaml.Node) error {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, deref(n.Content[i+1])
		if v == nil || v.Kind != yaml.ScalarNode || isNullNode(v) {
			continue // nulls are refused elsewhere, with their own words
		}
		switch {
		case slices.Contains(v3FlagSettings, k) && v.Tag != "!!bool":
			return m.fieldErr(v, "settings."+k, "Postman expects true or false here, got %s, and skips the request; write it without quotes", describeScalar(v, nodeValueKind(v)))
		case k == "maxRedirects" && v.Tag != "!!int" && v.Tag != "!!float":
			return m.fieldErr(v, "settings."+k, "Postman expects a number here, got %s, and skips the request; write it without quotes", describeScalar(v, nodeValueKind(v)))
		}
	}
	return nil
}

// v3SystemHeaders are the headers settings.disabledSystemHeaders may name
// (Postman CLI 1.34's lint).
var v3SystemHeaders = []string{"accept", "accept-encoding", "cache-control", "connection", "content-length", "content-type", "host", "postman-token", "user-agent"}

// disabledSystemHeaders reads settings.disabledSystemHeaders, in Postman's
// format a list of header names (what `postman collection migrate` writes;
// Postman CLI 1.34 skips a request that gives v2.1's mapping), into v2.1's
// {name: true} form, the one runs and exports use.
func (m ymap) disabledSystemHeaders(sm ymap, out map[string]any) error {
	n := sm.get("disabledSystemHeaders")
	if n == nil {
		return nil
	}
	const path = "settings.disabledSystemHeaders"
	if n.Kind != yaml.SequenceNode {
		return m.fieldErr(n, path, "Postman expects a list of header names here (- user-agent), got %s, and skips the request", nodeKind(n))
	}
	names := map[string]any{}
	for i, e := range n.Content {
		e = deref(e)
		name, err := m.strNode(e, path)
		if err != nil {
			return err
		}
		if !slices.Contains(v3SystemHeaders, name) {
			return m.fieldErr(e, fmt.Sprintf("%s[%d]", path, i), "Postman expects one of %s (in lower case) here, got %q, and skips the request", strings.Join(v3SystemHeaders, ", "), name)
		}
		names[name] = true
	}
	out["disabledSystemHeaders"] = names
	return nil
}

// timeoutSettings are notices for the settings that look like a timeout
// (timeout, requestTimeout...): Postman has none for a request or folder
// (its request timeout is an app-wide setting), and Postman CLI 1.34 and
// courier ignore them, so a user who wrote one learns why it does nothing.
func (m ymap) timeoutSettings() []Notice {
	n := m.get("settings")
	if isNullNode(n) || n.Kind != yaml.MappingNode {
		return nil
	}
	var out []Notice
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if strings.Contains(strings.ToLower(k.Value), "timeout") {
			out = append(out, Notice{Source: m.src, Line: k.Line, Column: k.Column,
				Message: fmt.Sprintf("settings.%s: Postman has no timeout setting here (its request timeout is an app setting) and ignores it, as courier does; give --timeout-request instead", k.Value)})
		}
	}
	return out
}

// v3url builds the URL from the url string and the queryParams and
// pathVariables lists. As in Postman CLI 1.34, the url's query parameters
// that queryParams names (even by a disabled entry) are dropped, and every
// queryParams entry follows the url's others in its own order
// (fresh-round13v-yaml.json: ?x=0&a=1&y=2 with a: A, z: Z sends
// ?x=0&y=2&a=A&z=Z).
func (m ymap) v3url(raw string, qn, pn *yaml.Node) (URL, error) {
	u := ParseURL(raw)
	qp, err := m.kvList(qn, "queryParams", false)
	if err != nil {
		return URL{}, err
	}
	if qp != nil {
		rows := make([]QueryParam, 0, len(qp))
		for _, p := range qp {
			q := QueryParam{Key: p.Key, Disabled: p.Disabled, Described: p.Description != "", Description: p.Description, FromV3: true}
			if !p.Null {
				v := p.Value
				q.Value = &v
			}
			rows = append(rows, q)
		}
		u.Query = WithQueryRows(u.Query, rows)
	}
	pv, err := m.kvList(pn, "pathVariables", false)
	if err != nil {
		return URL{}, err
	}
	if pv != nil {
		have := map[string]bool{}
		var vars []Variable
		for _, p := range pv {
			have[p.Key] = true
			vars = append(vars, Variable{Key: p.Key, Value: p.Value, Description: p.Description, Disabled: p.Disabled, NoValue: p.Null})
		}
		for _, v := range u.Variables {
			if !have[v.Key] {
				vars = append(vars, v)
			}
		}
		u.Variables = vars
	}
	return u, nil
}

// v3body maps body {type, content}. The corpus has json, text and
// urlencoded; the other types follow Postman's v2 body modes.
func (m ymap) v3body(n *yaml.Node, path string) (*Body, error) {
	if isNullNode(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, m.fieldErr(n, path, "Postman expects a body mapping {type, content} here, got %s", shapeKind(n))
	}
	bm := ymap{src: m.src, node: n}
	typ, err := bm.str("type", path+".type")
	if err != nil {
		return nil, err
	}
	content := bm.get("content")
	switch typ {
	case "":
		if isNullNode(content) {
			return nil, nil
		}
		return bm.v3rawBody(content, "text", path)
	case "none":
		return &Body{Mode: BodyNone}, nil
	case "json", "text", "xml", "html", "javascript":
		return bm.v3rawBody(content, typ, path)
	case "urlencoded", "formdata":
		return bm.v3formBody(content, typ == "formdata", path)
	case "graphql":
		return nil, bm.fieldErr(bm.get("type"), path+".type", "Postman does not take a graphql body in an http-request; write a graphql-request file (\"$kind: graphql-request\" with query: and variables: at the top level)")
	case "file":
		return bm.v3fileBody(content, path)
	case "binary":
		return nil, bm.fieldErr(bm.get("type"), path+".type", "Postman has no binary body type and skips the request; a file's bytes go as type: file with content: {src: path/to/file}")
	}
	return nil, bm.fieldErr(bm.get("type"), path+".type", "unknown body type %q; Postman expects json, text, xml, html, javascript, urlencoded, formdata, file or none", typ)
}

// v3rawBody is a raw body of the given language (text when the type is
// left out but content is there).
func (m ymap) v3rawBody(content *yaml.Node, language, path string) (*Body, error) {
	if content != nil && (content.Kind == yaml.MappingNode || content.Kind == yaml.SequenceNode) {
		return nil, m.fieldErr(content, path+".content", "Postman expects the body as text here, got %s; write it as a block of text: content: |- with the JSON indented on the lines below", nodeKind(content))
	}
	s, err := m.strNode(content, path+".content")
	if err != nil {
		return nil, err
	}
	return &Body{Mode: BodyRaw, Raw: s, Language: language}, nil
}

// v3formBody is an urlencoded or (multipart) form-data body from the
// content's key/value list.
func (m ymap) v3formBody(content *yaml.Node, multipart bool, path string) (*Body, error) {
	// No content: an empty form, as content: ~ is.
	content = deref(content)
	kvs, err := m.kvList(content, path+".content", true)
	if err != nil {
		return nil, err
	}
	if err := m.formValuesText(content, path+".content"); err != nil {
		return nil, err
	}
	b := &Body{Mode: BodyURLEncoded}
	if multipart {
		b.Mode = BodyFormData
	}
	if multipart && content.Kind == yaml.MappingNode {
		return nil, m.fieldErr(content, path+".content", "Postman expects form-data as a list of {key, type: text, value} or {key, type: file, src} entries, got a mapping; Postman skips the request")
	}
	for _, p := range kvs {
		f := FormParam{Key: p.Key, Value: p.Value, Disabled: p.Disabled, FromV3: true, Described: p.Description != "", Description: p.Description}
		if !multipart {
			b.URLEncoded = append(b.URLEncoded, f)
			continue
		}
		if err := f.readV3Part(p, path); err != nil {
			return nil, err
		}
		b.FormData = append(b.FormData, f)
	}
	return b, nil
}

// formValuesText refuses a form row whose value is a number or a boolean:
// Postman CLI 1.34 skips such a request, urlencoded (map or list) and
// form-data alike (fresh-round13v-bodies.json). Nulls are the rows'
// reader's to judge.
func (m ymap) formValuesText(content *yaml.Node, path string) error {
	check := func(v *yaml.Node, p string) error {
		if v == nil || v.Kind != yaml.ScalarNode || isNullNode(v) || isText(v) {
			return nil
		}
		_, err := m.strNode(v, p)
		return err
	}
	switch content.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(content.Content); i += 2 {
			if err := check(deref(content.Content[i+1]), path+"."+content.Content[i].Value); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for i, e := range content.Content {
			if e = deref(e); e.Kind == yaml.MappingNode {
				if err := check(ymap{src: m.src, node: e}.get("value"), fmt.Sprintf("%s[%d].value", path, i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// readV3Part reads a form-data row's type (text unless it says file), and
// from the list form its contentType and file src (one or several).
func (f *FormParam) readV3Part(p kv, path string) error {
	// Postman CLI 1.34 skips, without a word, a request with a form-data
	// entry that has no type or a file entry without src.
	switch p.Type {
	case "text":
	case "file":
		if isNullNode(p.extra.get("src")) {
			return p.extra.fieldErr(p.node, path+".content", "form-data entry %q: Postman expects a file entry's path in src: (src: path/to/file), not value:; Postman skips the request", p.Key)
		}
		if p.Null {
			f.NoValue = ValueUnset
		}
	case "":
		return p.extra.fieldErr(p.node, path+".content", "form-data entry %q has no type: Postman expects type: text (with value:) or type: file (with src:) and skips the request", p.Key)
	default:
		return p.extra.fieldErr(p.node, path+".content", "form-data entry %q: unknown type %q; Postman expects text or file and skips the request", p.Key, p.Type)
	}
	f.Type = p.Type
	var err error
	if f.ContentType, err = p.extra.str("contentType", path+".content.contentType"); err != nil {
		return err
	}
	src := p.extra.get("src")
	switch {
	case isNullNode(src):
	case src.Kind == yaml.SequenceNode:
		for _, s := range src.Content {
			v, err := p.extra.strNode(deref(s), path+".content.src")
			if err != nil {
				return err
			}
			f.Src = append(f.Src, v)
		}
	default:
		v, err := p.extra.strNode(src, path+".content.src")
		if err != nil {
			return err
		}
		f.Src = []string{v}
	}
	return nil
}

// v3fileBody is a binary body: content is {src: path} (Postman's lint
// refuses a bare path, and Postman CLI 1.34 skips such a request).
func (m ymap) v3fileBody(content *yaml.Node, path string) (*Body, error) {
	if isNullNode(content) || content.Kind != yaml.MappingNode {
		return nil, m.fieldErr(content, path+".content", "Postman expects content: {src: path/to/file} for a file body, got %s, and skips the request", nodeKind(content))
	}
	cm := ymap{src: m.src, node: content}
	file, err := cm.str("src", path+".content.src")
	if err != nil {
		return nil, err
	}
	return &Body{Mode: BodyFile, File: file}, nil
}

// graphqlBody reads {query, variables, operationName} from body.content (or,
// for a graphql-request, from the file's top level when prefix is "").
func (m ymap) graphqlBody(outer ymap, path string) (*Body, error) {
	gm := outer
	if path != "" {
		n := outer.get("content")
		if isNullNode(n) {
			return &Body{Mode: BodyGraphQL, GraphQL: &GraphQL{Unset: []string{"operationName"}}}, nil
		}
		if n.Kind == yaml.ScalarNode {
			// The query alone.
			s, err := outer.strNode(n, path)
			if err != nil {
				return nil, err
			}
			return &Body{Mode: BodyGraphQL, GraphQL: &GraphQL{Query: s, Unset: []string{"operationName"}}}, nil
		}
		if n.Kind != yaml.MappingNode {
			return nil, outer.fieldErr(n, path, "Postman expects {query, variables} here, got %s", shapeKind(n))
		}
		gm = ymap{src: outer.src, node: n}
	}
	p := path
	if p != "" {
		p += "."
	}
	q, err := gm.str("query", p+"query")
	if err != nil {
		return nil, err
	}
	op, err := gm.str("operationName", p+"operationName")
	if err != nil {
		return nil, err
	}
	g := &GraphQL{Query: q, OperationName: op}
	if isNullNode(gm.get("operationName")) {
		g.Unset = []string{"operationName"} // sent only when given
	}
	if g.Variables, err = gm.str("variables", p+"variables"); err != nil {
		return nil, err // Postman wants the variables as JSON text
	}
	if path == "" && q == "" && g.Variables == "" {
		return nil, nil
	}
	return &Body{Mode: BodyGraphQL, GraphQL: g}, nil
}

// setCredential sets one auth parameter; a YAML boolean or number stays
// marked as one, as the v2 loader marks a JSON one (Postman reads flags by
// JavaScript truthiness: false is false, the text "false" true).
func setCredential(a *Auth, k, text string, v *yaml.Node) {
	if v != nil && v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		// A null credential is not text either: Postman CLI 1.34 sends no
		// bearer or basic auth for it, and an API key's value as the text
		// null (fresh-round11v-nulls.json).
		a.SetParam(k, "null", "", true)
		return
	}
	if v != nil && v.Kind == yaml.ScalarNode && (v.Tag == "!!bool" || v.Tag == "!!int" || v.Tag == "!!float") {
		a.SetParam(k, text, "", true)
		return
	}
	a.Set(k, text)
}

// authValue keeps scalars as their text and structured values (OAuth 2
// parameter lists) as JSON, like the v2 loader does.
func authValue(m ymap, v *yaml.Node, path string) (string, error) {
	if isNullNode(v) || v.Kind == yaml.ScalarNode {
		return m.scalarText(v, path)
	}
	x, err := plainJSON(v)
	if err != nil {
		return "", m.fieldErr(v, path, "%v", err)
	}
	b, _ := json.Marshal(x)
	return string(b), nil
}

// variables reads definition variables (mapping or list).
func (m ymap) variables(n *yaml.Node, path string) ([]Variable, error) {
	kvs, err := m.kvList(n, path, true)
	if err != nil {
		return nil, err
	}
	var out []Variable
	for _, p := range kvs {
		if p.Type != "" {
			// Postman CLI 1.34 drops the whole definition then (its
			// variables, auth and scripts), without a word.
			return nil, m.fieldErr(p.node, path, "variable %q says type: %s; Postman does not take a type on a collection or folder variable and ignores the whole definition: remove type: (keep secrets in an environment file, with type: secret)", p.Key, p.Type)
		}
		out = append(out, Variable{Key: p.Key, Value: p.Value, Description: p.Description, Disabled: p.Disabled})
	}
	return out, nil
}

// v3scripts reads scripts [{type, code, language}]. Requests name the hooks
// beforeRequest/afterResponse and definitions http:beforeRequest/
// http:afterResponse; Postman refuses a collection that mixes them up.
// courier runs such a script anyway and says so.
func (m ymap) v3scripts(n *yaml.Node, path string, definition bool) ([]Event, []Notice, error) {
	if isNullNode(n) {
		return nil, nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, nil, m.fieldErr(n, path, "Postman expects a list of {type, code} here, got %s", nodeKind(n))
	}
	var out []Event
	var warn []Notice
	// Postman CLI 1.34 runs the first script of each hook in a file and
	// drops the others without a word (fresh-round9v-defs.json).
	first := map[string]string{}
	for i, e := range n.Content {
		e = deref(e)
		p := fmt.Sprintf("%s[%d]", path, i)
		typ, ev, err := m.scriptEntry(e, p, definition)
		if err != nil || ev == nil {
			if err != nil {
				return nil, nil, err
			}
			continue // a hook of another protocol, in a definition
		}
		if at, ok := first[ev.Listen]; ok {
			warn = append(warn, Notice{Source: m.src, Line: e.Line, Column: e.Column,
				Message: fmt.Sprintf("%s: a second %s script in this file; Postman runs only the first (%s), so courier skips this one: put its code into the first", p, typ, at)})
			continue
		}
		first[ev.Listen] = p
		hook, prefixed := strings.CutPrefix(typ, "http:")
		if prefixed != definition {
			want := hook
			if definition {
				want = "http:" + hook
			}
			warn = append(warn, Notice{Source: m.src, Line: e.Line, Column: e.Column,
				Message: fmt.Sprintf("%s.type: Postman expects %q in this file and refuses the whole collection with %q; courier runs the script, but fix the type", p, want, typ)})
		}
		out = append(out, *ev)
	}
	return out, warn, nil
}

// scriptKeys are the keys of a script entry: Postman's format has the
// code inline and no other key (postman collection lint: "Unrecognized
// key"), and Postman CLI 1.34 skips a request (or ignores a definition)
// with any other (fresh-round11v-scripts.json).
var scriptKeys = []string{"type", "code", "language", "packages"}

// scriptEntry reads one {type, code, language?, packages?} of a scripts
// list, held to what Postman CLI 1.34 runs (fresh-round11v-scripts.json):
// code one text (a list of lines, null or a number skip the file, "" is
// an empty script), language absent or text/javascript, packages a
// mapping. A nil event without error is a hook of another protocol in a
// definition (grpc:beforeInvoke), which HTTP requests do not run.
func (m ymap) scriptEntry(e *yaml.Node, p string, definition bool) (string, *Event, error) {
	if e.Kind != yaml.MappingNode {
		return "", nil, m.fieldErr(e, p, "Postman expects {type, code, language} here, got %s", nodeKind(e))
	}
	sm := ymap{src: m.src, node: e}
	for i := 0; i+1 < len(e.Content); i += 2 {
		if k := e.Content[i]; !slices.Contains(scriptKeys, k.Value) {
			return "", nil, sm.fieldErr(k, p+"."+k.Value, "unknown key in a script; Postman expects only type, code, language and packages: a script's code is written inline (code: |-), the format has no script files")
		}
	}
	typ, err := sm.str("type", p+".type")
	if err != nil {
		return "", nil, err
	}
	hook, _ := strings.CutPrefix(typ, "http:")
	listen := map[string]string{"beforeRequest": "prerequest", "afterResponse": "test"}[hook]
	switch {
	case listen == "" && definition && strings.Contains(typ, ":"):
		return typ, nil, nil
	case listen == "":
		return "", nil, sm.fieldErr(sm.get("type"), p+".type", "unknown script type %q; Postman expects beforeRequest or afterResponse (http:beforeRequest, http:afterResponse in definition files), and Postman CLI refuses the whole collection", typ)
	}
	cn := sm.get("code")
	switch {
	case cn == nil || isNullNode(cn):
		return "", nil, sm.fieldErr(e, p+".code", "missing: Postman expects the script's code as text here (code: |- followed by the lines)")
	case cn.Kind == yaml.SequenceNode:
		return "", nil, sm.fieldErr(cn, p+".code", "Postman expects the code as one text, got a list of lines; write it as a literal block (code: |-)")
	}
	code, err := sm.strNode(cn, p+".code")
	if err != nil {
		return "", nil, err
	}
	if ln := sm.get("language"); ln != nil {
		if lang, err := sm.strNode(ln, p+".language"); err != nil || lang != "text/javascript" {
			return "", nil, sm.fieldErr(ln, p+".language", "Postman expects text/javascript here (or no language:), got %s", nodeKind(ln))
		}
	}
	pkgs, err := sm.packages(p)
	if err != nil {
		return "", nil, err
	}
	return typ, &Event{Listen: listen, Script: Script{Type: "text/javascript", Exec: code, Packages: pkgs}}, nil
}

func (m ymap) packages(path string) (string, error) {
	pn := m.get("packages")
	if pn == nil {
		return "", nil
	}
	if deref(pn).Kind != yaml.MappingNode {
		return "", m.fieldErr(pn, path+".packages", "Postman expects a mapping of packages here (npm:name@version: {}), got %s", nodeKind(pn))
	}
	x, err := plainJSON(pn)
	if err != nil {
		return "", m.fieldErr(pn, path+".packages", "%v", err)
	}
	b, err := json.Marshal(x)
	if err != nil {
		return "", m.fieldErr(pn, path+".packages", "%v", err)
	}
	return string(b), nil
}

// examples loads a request's saved responses into Item.Responses, in v2
// form, so that exports and reports carry them.
func (l *v3loader) examples(it *Item, rel string, m ymap) error {
	dir := path.Dir(rel)
	exDir := path.Join(dir, ".resources", stem(path.Base(rel))+".resources", "examples")
	ref, err := m.str("examples", "examples")
	if err != nil {
		return err
	}
	if ref != "" {
		exDir = path.Join(dir, ref)
		if !fs.ValidPath(exDir) {
			l.notice(Notice{Source: m.src, Line: m.get("examples").Line, Column: m.get("examples").Column,
				Message: fmt.Sprintf("examples: %q leaves the collection's directory; courier reads saved examples only inside it (the request still runs, without them)", ref)})
			return nil
		}
	}
	entries, err := fs.ReadDir(l.fsys, exDir)
	if err != nil {
		if ref != "" {
			// Postman runs the request without a word.
			l.notice(Notice{Source: m.src, Line: m.get("examples").Line, Column: m.get("examples").Column,
				Message: fmt.Sprintf("examples: no directory %q here; the request runs without saved examples (fix the path, or remove examples:)", ref)})
		}
		return nil // no examples
	}
	type ex struct {
		order float64
		name  string
		file  string
		v     map[string]any
	}
	var exs []ex
	for _, e := range entries {
		if e.IsDir() || !exampleFile().MatchString(e.Name()) {
			continue
		}
		erel := path.Join(exDir, e.Name())
		x, order, name, err := l.example(erel, it.Request)
		if err != nil {
			if fatal(err) {
				return err
			}
			l.noticeErr(err, "the example is skipped")
			continue
		}
		exs = append(exs, ex{order, name, e.Name(), x})
	}
	sort.SliceStable(exs, func(i, j int) bool {
		if exs[i].order != exs[j].order {
			return exs[i].order < exs[j].order
		}
		if c := compareUTF16(exs[i].name, exs[j].name); c != 0 {
			return c < 0
		}
		return exs[i].file < exs[j].file
	})
	if len(exs) == 0 {
		return nil
	}
	list := make([]any, 0, len(exs))
	for _, x := range exs {
		list = append(list, x.v)
	}
	b, err := json.Marshal(list)
	if err != nil {
		return err
	}
	it.Responses = b
	return nil
}

var exampleSuffix = lazyre.New(`\.example\.ya?ml$`)

// example reads one *.example.yaml as a v2 response object: its name and
// order, the request it was recorded with (parent's method by default)
// and the response.
func (l *v3loader) example(rel string, parent *Request) (map[string]any, float64, string, error) {
	m, err := l.parse(rel)
	if err != nil {
		return nil, 0, "", err
	}
	name, order, err := exampleNameOrder(m, rel)
	if err != nil {
		return nil, 0, "", err
	}
	out := map[string]any{"name": name}
	if rq, err := m.sub("request", "request"); err != nil {
		return nil, 0, "", err
	} else if rq != nil {
		r, err := rq.exampleRequest(parent.Method)
		if err != nil {
			return nil, 0, "", err
		}
		out["originalRequest"] = outRequestOf(r)
	}
	if rs, err := m.sub("response", "response"); err != nil {
		return nil, 0, "", err
	} else if rs != nil {
		if err := rs.exampleResponse(out); err != nil {
			return nil, 0, "", err
		}
	}
	return out, order, name, nil
}

// exampleNameOrder checks the file's $kind and reads its name (the file
// name without .example.yaml unless it says) and order.
func exampleNameOrder(m ymap, rel string) (string, float64, error) {
	kind, err := m.str("$kind", "$kind")
	if err != nil {
		return "", 0, err
	}
	if kind != "" && kind != "http-example" && kind != "graphql-example" {
		return "", 0, m.fieldErr(m.get("$kind"), "$kind", "an example file must say \"$kind: http-example\", not %q", kind)
	}
	name := exampleSuffix().ReplaceAllString(path.Base(rel), "")
	if n, err := m.str("name", "name"); err != nil {
		return "", 0, err
	} else if n != "" {
		name = n
	}
	order, _, err := m.number("order", "order")
	if err != nil {
		return "", 0, err
	}
	return name, order, nil
}

// exampleRequest reads an example's request: method (method when not
// given), url with its query and path variables, headers and body.
func (m ymap) exampleRequest(method string) (*Request, error) {
	r := &Request{Method: method}
	if mt, err := m.str("method", "request.method"); err != nil {
		return nil, err
	} else if mt != "" {
		r.Method = mt
	}
	u, err := m.str("url", "request.url")
	if err != nil {
		return nil, err
	}
	if r.URL, err = m.v3url(u, m.get("queryParams"), m.get("pathVariables")); err != nil {
		return nil, err
	}
	hs, err := m.kvList(m.get("headers"), "request.headers", true)
	if err != nil {
		return nil, err
	}
	for _, h := range hs {
		r.Header = append(r.Header, Header{Key: h.Key, Value: h.Value, Disabled: h.Disabled, Described: h.Description != "", Description: h.Description})
	}
	if r.Body, err = m.v3body(m.get("body"), "request.body"); err != nil {
		return nil, err
	}
	return r, nil
}

// exampleResponse reads an example's response into out: code, status,
// header and body.
func (m ymap) exampleResponse(out map[string]any) error {
	code := 0
	if cn := m.get("statusCode"); !isNullNode(cn) {
		f, _, err := m.number("statusCode", "response.statusCode")
		if err != nil {
			return err
		}
		code = int(f)
	}
	status, err := m.str("statusText", "response.statusText")
	if err != nil {
		return err
	}
	out["code"], out["status"] = code, status
	hs, err := m.kvList(m.get("headers"), "response.headers", true)
	if err != nil {
		return err
	}
	hdr := make([]outHeader, 0, len(hs))
	for _, h := range hs {
		o := outHeader{Key: h.Key, Value: h.Value, Disabled: rowDisabled(h.Disabled, false)}
		if h.Description != "" {
			o.Description = h.Description
		}
		hdr = append(hdr, o)
	}
	out["header"] = hdr
	return m.exampleBody(out)
}

// exampleBody reads response.body ({type, content}): the content is the
// body; a type other than text is Postman's preview language.
func (m ymap) exampleBody(out map[string]any) error {
	bn := m.get("body")
	if isNullNode(bn) {
		return nil
	}
	if bn.Kind != yaml.MappingNode {
		return m.fieldErr(bn, "response.body", "Postman expects {type, content} here, got %s", shapeKind(bn))
	}
	bm := ymap{src: m.src, node: bn}
	t, err := bm.str("type", "response.body.type")
	if err != nil {
		return err
	}
	body, err := bm.str("content", "response.body.content")
	if err != nil {
		return err
	}
	out["body"] = body
	if t != "" && t != "text" {
		out["_postman_previewlanguage"] = t
	}
	return nil
}
