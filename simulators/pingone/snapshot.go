package pingone

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"time"
	"unsafe"
)

// The snapshot codec turns the server's whole state into a JSON tree and
// back, by reflection over its (unexported) fields, so that every area's
// state persists without each area writing its own serialisation, and a
// field added later persists with no further code. Pointers shared between
// maps keep their identity (a consent is in both the consents map and the
// log); keys and certificates are kept as PKCS#8 and DER. Functions and
// locks are skipped: they are code, not state.

var (
	typeTime   = reflect.TypeOf(time.Time{})
	typeBigInt = reflect.TypeOf((*big.Int)(nil))
	typeRSA    = reflect.TypeOf((*rsa.PrivateKey)(nil))
	typeECDSA  = reflect.TypeOf((*ecdsa.PrivateKey)(nil))
	typeCert   = reflect.TypeOf((*x509.Certificate)(nil))
	typeSigner = reflect.TypeOf((*crypto.Signer)(nil)).Elem()
	typeBytes  = reflect.TypeOf([]byte(nil))
)

// dynamicTypes are the concrete types an interface{} field may hold in
// the server's state (request bodies, mostly): JSON's values plus the few
// Go types the handlers store into them.
var dynamicTypes = map[string]reflect.Type{
	"string": reflect.TypeOf(""), "float64": reflect.TypeOf(float64(0)), "bool": reflect.TypeOf(false),
	"int": reflect.TypeOf(0), "int64": reflect.TypeOf(int64(0)), "number": reflect.TypeOf(json.Number("")),
	"object": reflect.TypeOf(map[string]any(nil)), "array": reflect.TypeOf([]any(nil)),
	"strings": reflect.TypeOf([]string(nil)), "time": typeTime, "objects": reflect.TypeOf([]map[string]any(nil)),
}

type encoder struct {
	ptrs map[uintptr]int
}

func (e *encoder) encode(v reflect.Value, at string) (any, error) {
	t := v.Type()
	if isLeaf(t) {
		return encodeLeaf(v, at)
	}
	switch t.Kind() {
	case reflect.Func, reflect.Chan:
		return nil, nil
	case reflect.Bool, reflect.String, reflect.Float32, reflect.Float64:
		return v.Interface(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10), nil
	case reflect.Pointer:
		return e.encodePointer(v, at)
	case reflect.Interface:
		if v.IsNil() {
			return nil, nil
		}
		for name, dt := range dynamicTypes {
			if v.Elem().Type() == dt {
				inner, err := e.encode(v.Elem(), at)
				return map[string]any{"t": name, "v": inner}, err
			}
		}
		return nil, fmt.Errorf("%s: cannot keep a %s", at, v.Elem().Type())
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && v.IsNil() {
			return nil, nil
		}
		out := make([]any, v.Len())
		for i := range out {
			x, err := e.encode(v.Index(i), at+"["+strconv.Itoa(i)+"]")
			if err != nil {
				return nil, err
			}
			out[i] = x
		}
		return out, nil
	case reflect.Map:
		return e.encodeMap(v, at)
	case reflect.Struct:
		return e.encodeStruct(v, at)
	}
	return nil, fmt.Errorf("%s: cannot keep a %s", at, t)
}

// isLeaf reports whether values of t are kept as one string (a time, a big
// integer, a key, a certificate, bytes) rather than by their Go kind.
func isLeaf(t reflect.Type) bool {
	switch t {
	case typeTime, typeBigInt, typeRSA, typeECDSA, typeSigner, typeCert, typeBytes:
		return true
	}
	return false
}

// encodeLeaf is the string that keeps a value isLeaf accepts (nil for a
// nil one).
func encodeLeaf(v reflect.Value, at string) (any, error) {
	t := v.Type()
	if t != typeTime && v.IsNil() {
		return nil, nil
	}
	switch t {
	case typeTime:
		return v.Interface().(time.Time).Format(time.RFC3339Nano), nil
	case typeBigInt:
		return v.Interface().(*big.Int).String(), nil
	case typeCert:
		return base64.StdEncoding.EncodeToString(v.Interface().(*x509.Certificate).Raw), nil
	case typeBytes:
		return base64.StdEncoding.EncodeToString(v.Bytes()), nil
	}
	der, err := x509.MarshalPKCS8PrivateKey(v.Interface())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", at, err)
	}
	return base64.StdEncoding.EncodeToString(der), nil
}

// encodePointer keeps what v points to once: the first time as
// {"id": n, "v": ...}, after that as {"ref": n}.
func (e *encoder) encodePointer(v reflect.Value, at string) (any, error) {
	if v.IsNil() {
		return nil, nil
	}
	if id, seen := e.ptrs[v.Pointer()]; seen {
		return map[string]any{"ref": id}, nil
	}
	id := len(e.ptrs) + 1
	e.ptrs[v.Pointer()] = id
	inner, err := e.encode(v.Elem(), at)
	return map[string]any{"id": id, "v": inner}, err
}

// encodeMap keeps a map as a list of [key, value] pairs.
func (e *encoder) encodeMap(v reflect.Value, at string) (any, error) {
	if v.IsNil() {
		return nil, nil
	}
	// Keys sorted before the values are encoded: the same state then
	// writes the same file, shared-pointer numbers included.
	type entry struct {
		key  any
		sort string
		val  reflect.Value
	}
	entries := make([]entry, 0, v.Len())
	iter := v.MapRange()
	for iter.Next() {
		k, err := e.encode(iter.Key(), at)
		if err != nil {
			return nil, err
		}
		entries = append(entries, entry{k, fmt.Sprint(k), iter.Value()})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].sort < entries[j].sort })
	out := make([]any, len(entries))
	for i, en := range entries {
		x, err := e.encode(en.val, at+"."+en.sort)
		if err != nil {
			return nil, err
		}
		out[i] = []any{en.key, x}
	}
	return out, nil
}

// encodeStruct keeps a struct's fields by name, locks left out.
func (e *encoder) encodeStruct(v reflect.Value, at string) (any, error) {
	t := v.Type()
	out := map[string]any{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type.String() == "sync.Mutex" || f.Type.String() == "sync.RWMutex" {
			continue
		}
		x, err := e.encode(field(v, i), at+"."+f.Name)
		if err != nil {
			return nil, err
		}
		if x != nil {
			out[f.Name] = x
		}
	}
	return out, nil
}

// field returns struct field i, readable and settable even when
// unexported: the codec is the server's own and restores its own fields.
func field(v reflect.Value, i int) reflect.Value {
	f := v.Field(i)
	if f.CanSet() || !v.CanAddr() {
		if !f.CanInterface() && !v.CanAddr() {
			// An unaddressable struct (a map value): copy it to reach its fields.
			c := reflect.New(v.Type()).Elem()
			c.Set(v)
			return field(c, i)
		}
		return f
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

type decoder struct {
	ptrs map[int]reflect.Value
}

func (d *decoder) decode(x any, v reflect.Value, at string) error {
	if x == nil {
		v.SetZero()
		return nil
	}
	t := v.Type()
	if isLeaf(t) {
		return decodeLeaf(x, v, at)
	}
	str, _ := x.(string)
	switch t.Kind() {
	case reflect.Func, reflect.Chan:
		return nil
	case reflect.Bool:
		b, ok := x.(bool)
		if !ok {
			return fmt.Errorf("%s: want a boolean", at)
		}
		v.SetBool(b)
	case reflect.String:
		v.SetString(str)
	case reflect.Float32, reflect.Float64:
		f, ok := x.(float64)
		if !ok {
			return fmt.Errorf("%s: want a number", at)
		}
		v.SetFloat(f)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(str, 10, 64)
		if err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(str, 10, 64)
		if err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
		v.SetUint(n)
	case reflect.Pointer:
		return d.decodePointer(x, v, at)
	case reflect.Interface:
		return d.decodeInterface(x, v, at)
	case reflect.Slice, reflect.Array:
		return d.decodeList(x, v, at)
	case reflect.Map:
		return d.decodeMap(x, v, at)
	case reflect.Struct:
		return d.decodeStruct(x, v, at)
	default:
		return fmt.Errorf("%s: cannot restore a %s", at, t)
	}
	return nil
}

// decodeInterface restores an interface value from its {"t": type name,
// "v": value} (dynamicTypes).
func (d *decoder) decodeInterface(x any, v reflect.Value, at string) error {
	m, _ := x.(map[string]any)
	name, _ := m["t"].(string)
	dt, ok := dynamicTypes[name]
	if !ok {
		return fmt.Errorf("%s: unknown value type %q", at, name)
	}
	nv := reflect.New(dt).Elem()
	if err := d.decode(m["v"], nv, at); err != nil {
		return err
	}
	v.Set(nv)
	return nil
}

// decodeList restores a slice, or as much of an array as the list holds.
func (d *decoder) decodeList(x any, v reflect.Value, at string) error {
	list, ok := x.([]any)
	if !ok {
		return fmt.Errorf("%s: want a list", at)
	}
	if v.Kind() == reflect.Slice {
		v.Set(reflect.MakeSlice(v.Type(), len(list), len(list)))
	}
	for i := 0; i < len(list) && i < v.Len(); i++ {
		if err := d.decode(list[i], v.Index(i), at+"["+strconv.Itoa(i)+"]"); err != nil {
			return err
		}
	}
	return nil
}

// decodeLeaf restores a value isLeaf accepts from its string.
func decodeLeaf(x any, v reflect.Value, at string) error {
	t := v.Type()
	str, _ := x.(string)
	switch t {
	case typeTime:
		tm, err := time.Parse(time.RFC3339Nano, str)
		if err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
		v.Set(reflect.ValueOf(tm))
	case typeBigInt:
		n, ok := new(big.Int).SetString(str, 10)
		if !ok {
			return fmt.Errorf("%s: %q is not an integer", at, str)
		}
		v.Set(reflect.ValueOf(n))
	case typeRSA, typeECDSA, typeSigner:
		der, err := base64.StdEncoding.DecodeString(str)
		if err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
		key, err := x509.ParsePKCS8PrivateKey(der)
		if err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
		kv := reflect.ValueOf(key)
		if !kv.Type().AssignableTo(t) {
			return fmt.Errorf("%s: a %s is not a %s", at, kv.Type(), t)
		}
		v.Set(kv)
	case typeCert:
		der, err := base64.StdEncoding.DecodeString(str)
		if err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
		c, err := x509.ParseCertificate(der)
		if err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
		v.Set(reflect.ValueOf(c))
	case typeBytes:
		b, err := base64.StdEncoding.DecodeString(str)
		if err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
		v.SetBytes(b)
	}
	return nil
}

// decodePointer restores a pointer encodePointer kept: a new value the
// first time, the same pointer for each reference to it.
func (d *decoder) decodePointer(x any, v reflect.Value, at string) error {
	m, _ := x.(map[string]any)
	if ref, ok := m["ref"].(float64); ok {
		p, known := d.ptrs[int(ref)]
		if !known {
			return fmt.Errorf("%s: reference to an unknown object", at)
		}
		v.Set(p)
		return nil
	}
	id, _ := m["id"].(float64)
	p := reflect.New(v.Type().Elem())
	d.ptrs[int(id)] = p
	v.Set(p)
	return d.decode(m["v"], p.Elem(), at)
}

// decodeMap restores a map from its list of [key, value] pairs.
func (d *decoder) decodeMap(x any, v reflect.Value, at string) error {
	t := v.Type()
	list, ok := x.([]any)
	if !ok {
		return fmt.Errorf("%s: want a list of pairs", at)
	}
	v.Set(reflect.MakeMapWithSize(t, len(list)))
	for _, item := range list {
		pair, _ := item.([]any)
		if len(pair) != 2 {
			return fmt.Errorf("%s: want a key and a value", at)
		}
		k, val := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		if err := d.decode(pair[0], k, at); err != nil {
			return err
		}
		if err := d.decode(pair[1], val, at+"."+fmt.Sprint(pair[0])); err != nil {
			return err
		}
		v.SetMapIndex(k, val)
	}
	return nil
}

// decodeStruct restores the fields a struct's object names; the others
// keep their zero values.
func (d *decoder) decodeStruct(x any, v reflect.Value, at string) error {
	t := v.Type()
	m, ok := x.(map[string]any)
	if !ok {
		return fmt.Errorf("%s: want an object", at)
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fx, present := m[f.Name]
		if !present {
			continue
		}
		if err := d.decode(fx, field(v, i), at+"."+f.Name); err != nil {
			return err
		}
	}
	return nil
}
