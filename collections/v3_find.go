package collections

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// V3Ref is a collection directory found in a Postman v12 repository.
type V3Ref struct {
	Name string // the definition's name, else the directory name
	Dir  string
}

// FindV3Collections lists the collections under a repository root (which
// holds postman/collections/), a postman/ folder or its collections/
// folder. ok is false when dir is none of these (it may then be a
// collection directory itself).
func FindV3Collections(dir string) (refs []V3Ref, ok bool) {
	coll, ok := V3CollectionsDir(dir)
	if !ok {
		return nil, false
	}
	entries, err := os.ReadDir(coll)
	if err != nil {
		return nil, true
	}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		d := filepath.Join(coll, e.Name())
		refs = append(refs, V3Ref{Name: v3Name(d), Dir: d})
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].Name < refs[j].Name })
	return refs, true
}

// V3CollectionsDir returns the postman/collections/ folder of a repository
// root, a postman/ folder or that collections/ folder itself.
func V3CollectionsDir(dir string) (string, bool) {
	var coll string
	switch {
	case isDir(filepath.Join(dir, "postman", "collections")):
		coll = filepath.Join(dir, "postman", "collections")
	case isDir(filepath.Join(dir, "collections")) && (filepath.Base(absPath(dir)) == "postman" || isDir(filepath.Join(dir, "environments")) || isDir(filepath.Join(dir, "globals"))):
		coll = filepath.Join(dir, "collections")
	case filepath.Base(absPath(dir)) == "collections" && filepath.Base(filepath.Dir(absPath(dir))) == "postman":
		coll = dir
	default:
		return "", false
	}
	return coll, true
}

// SanitizeName turns a display name into a file or directory name that
// works on every system (see SaveDir).
func SanitizeName(name string) string { return sanitizeName(name) }

// SelectV3 picks the collection called name (display or directory name,
// exact first, then ignoring case) among refs. An empty name picks the only
// collection there is. The error lists the choices.
func SelectV3(refs []V3Ref, name, where string) (V3Ref, error) {
	list := func() string {
		var b strings.Builder
		for _, r := range refs {
			fmt.Fprintf(&b, "\n  %q", r.Name)
			if base := filepath.Base(r.Dir); base != r.Name {
				fmt.Fprintf(&b, " (directory %q)", base)
			}
		}
		return b.String()
	}
	if len(refs) == 0 {
		return V3Ref{}, fmt.Errorf("%s holds no collections (postman/collections/ is empty)", where)
	}
	if name == "" {
		if len(refs) == 1 {
			return refs[0], nil
		}
		return V3Ref{}, fmt.Errorf("%s holds %d collections; choose one with --collection NAME:%s", where, len(refs), list())
	}
	for _, match := range []func(a, b string) bool{
		func(a, b string) bool { return a == b },
		strings.EqualFold,
	} {
		var found []V3Ref
		for _, r := range refs {
			if match(r.Name, name) || match(filepath.Base(r.Dir), name) {
				found = append(found, r)
			}
		}
		if len(found) == 1 {
			return found[0], nil
		}
		if len(found) > 1 {
			refs = found
			return V3Ref{}, fmt.Errorf("--collection %q is ambiguous in %s; it matches:%s", name, where, list())
		}
	}
	return V3Ref{}, fmt.Errorf("no collection named %q in %s; there are:%s", name, where, list())
}

// PostmanFolder returns the postman/ folder of the v12 repository that p
// (a collection directory, a repository root or a postman/ folder) belongs
// to, or "" when there is none.
func PostmanFolder(p string) string {
	p = absPath(p)
	if isDir(filepath.Join(p, "postman")) {
		return filepath.Join(p, "postman")
	}
	for d := p; ; d = filepath.Dir(d) {
		if filepath.Base(d) == "postman" && (isDir(filepath.Join(d, "collections")) || isDir(filepath.Join(d, "environments"))) {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// v3Name reads a collection's display name from its definition, falling
// back to the directory name.
func v3Name(dir string) string {
	for _, f := range definitionFile {
		data, err := readLimited(os.DirFS(dir), ".resources/"+f, f)
		if err != nil {
			continue
		}
		root, err := yamlDoc(data, f)
		if err != nil {
			break
		}
		if n, err := (ymap{node: root}).str("name", "name"); err == nil && n != "" {
			return n
		}
		break
	}
	return filepath.Base(dir)
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
