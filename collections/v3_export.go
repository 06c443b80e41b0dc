package collections

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/courier-run/courier/internal/atomicfile"
	yaml "go.yaml.in/yaml/v3"
)

// ExportV3Dir writes a collection loaded from a v3 directory back as a
// directory after a run (--export-collection): a run changes only the
// collection variables, so every file of the source directory is copied
// byte for byte (requests of other protocols, README files and all) and only
// the root .resources/definition.yaml is rewritten, its variables replaced
// and everything else in it (comments, key order, quoting) kept. Exporting
// onto the source directory rewrites that one file. Each file is written
// atomically.
func ExportV3Dir(c *Collection, dir string) error {
	src := c.Source
	if st, err := os.Stat(src); c.Format != "v3" || err != nil || !st.IsDir() {
		_, err := SaveDir(c, dir)
		return err
	}
	same := false
	if a, err := filepath.Abs(src); err == nil {
		if b, err := filepath.Abs(dir); err == nil {
			same = a == b
		}
	}
	defRel := filepath.Join(".resources", "definition.yaml")
	if _, err := os.Stat(filepath.Join(src, defRel)); err != nil {
		if _, err := os.Stat(filepath.Join(src, ".resources", "definition.yml")); err == nil {
			defRel = filepath.Join(".resources", "definition.yml")
		}
	}
	if !same {
		files, total := 0, int64(0)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			if d.IsDir() || rel == defRel || !d.Type().IsRegular() {
				return nil
			}
			files++
			if files > maxV3Files {
				return fmt.Errorf("more than %d files", maxV3Files)
			}
			data, err := readCapped(p)
			if err != nil {
				return err
			}
			total += int64(len(data))
			if total > maxV3Total {
				return fmt.Errorf("more than %d MB", maxV3Total>>20)
			}
			return atomicfile.WriteFile(filepath.Join(dir, rel), data, 0o644)
		})
		if err != nil {
			return fmt.Errorf("copying %s: %w", src, err)
		}
	}
	orig, _ := readCapped(filepath.Join(src, defRel))
	data, err := definitionWithVariables(orig, c.Variables)
	if err != nil {
		return err
	}
	if same && bytes.Equal(data, orig) {
		return nil
	}
	return atomicfile.WriteFile(filepath.Join(dir, defRel), data, 0o644)
}

func readCapped(p string) ([]byte, error) {
	// As readLimited: a pipe would block the open, a device never ends.
	if st, err := os.Stat(p); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a regular file", p, fileKind(st.Mode()))
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxV3File+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxV3File {
		return nil, fmt.Errorf("%s is larger than %d MB", p, maxV3File>>20)
	}
	return data, nil
}

// definitionWithVariables returns the definition file text with its
// variables replaced, in the form the file used (mapping or list).
func definitionWithVariables(orig []byte, vars []Variable) ([]byte, error) {
	var doc yaml.Node
	if len(bytes.TrimSpace(orig)) == 0 || yaml.Unmarshal(orig, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
		newMapOn(doc.Content[0]).set("$kind", ystr("collection"))
	}
	root := doc.Content[0]
	var node *yaml.Node
	if len(vars) > 0 {
		node = variablesNode(vars)
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == "variables" && root.Content[i+1].Kind == yaml.SequenceNode && node.Kind == yaml.MappingNode {
				node = kvListNode(vars) // the file used the list form
			}
		}
	}
	replaced := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "variables" {
			continue
		}
		if node == nil {
			root.Content = append(root.Content[:i], root.Content[i+2:]...)
		} else {
			node.HeadComment, node.LineComment, node.FootComment = root.Content[i+1].HeadComment, root.Content[i+1].LineComment, root.Content[i+1].FootComment
			root.Content[i+1] = node
		}
		replaced = true
		break
	}
	if !replaced && node != nil {
		// After $kind, name and description, where the app puts it.
		at := len(root.Content)
		for i := 0; i+1 < len(root.Content); i += 2 {
			switch root.Content[i].Value {
			case "$kind", "name", "description":
				at = i + 2
			}
		}
		key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "variables"}
		root.Content = append(root.Content[:at], append([]*yaml.Node{key, node}, root.Content[at:]...)...)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func newMapOn(n *yaml.Node) ymapb { return ymapb{n} }

// kvListNode writes variables in the list form, whatever they hold.
func kvListNode(vs []Variable) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, v := range vs {
		m := newMap()
		m.set("key", ystr(v.Key))
		m.set("value", ystr(v.Value))
		if v.Description != "" {
			m.set("description", ystr(v.Description))
		}
		if v.Disabled {
			m.set("disabled", ybool(true))
		}
		seq.Content = append(seq.Content, m.n)
	}
	return seq
}
