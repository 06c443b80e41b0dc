package scripting

import "strings"

// mayChangePM reports whether a script may change pm itself (add, delete or
// replace one of its members, freeze it, hand it to code that could): it
// names pm other than to read or call a member (`pm.test(...)`,
// `pm.response.json()`), or names eval or Function. Such a script gets a pm
// of its own; every other script shares its engine's, which then needs no
// check (see pmFor in js/bootstrap.js). The look is textual, strings and
// comments included, so it errs towards true; a name built at run time
// (globalThis['p' + 'm']) goes unseen.
func mayChangePM(src string) bool {
	return namesEvalOrFunction(src) || anyPM(src, pmOccurrenceMayWrite)
}

// namesEvalOrFunction: code built at run time cannot be read, so a script
// that names either may do anything to pm.
func namesEvalOrFunction(src string) bool {
	return strings.Contains(src, "eval") || strings.Contains(src, "Function")
}

// anyPM reports whether f holds for some pm in src that stands as a name of
// its own (not part of npm, pmx, $pm); f gets the pm's offset.
func anyPM(src string, f func(src string, at int) bool) bool {
	for i := 0; ; {
		j := strings.Index(src[i:], "pm")
		if j < 0 {
			return false
		}
		at := i + j
		i = at + 2
		if at > 0 && isIdentByte(src[at-1]) || i < len(src) && isIdentByte(src[i]) {
			continue
		}
		if f(src, at) {
			return true
		}
	}
}

// pmOccurrenceMayWrite looks at the pm at src[at:at+2]: only `pm.name` that
// is neither assigned, updated nor deleted leaves pm as it was.
func pmOccurrenceMayWrite(src string, at int) bool {
	if updatedBefore(src[:at]) {
		return true
	}
	rest, ok := afterMember(src[at+2:])
	if !ok {
		return true // pm alone: passed, aliased, indexed, destructured
	}
	return assigns(rest)
}

// updatedBefore reports whether what stands before a name deletes or
// updates it (delete pm.x, ++pm.x).
func updatedBefore(before string) bool {
	before = strings.TrimRight(before, " \t\r\n")
	return strings.HasSuffix(before, "delete") || strings.HasSuffix(before, "++") || strings.HasSuffix(before, "--")
}

// mayWritePMMembers reports whether a script may change one of the objects
// pm's members share between scripts (pm.environment.x = 1, delete
// pm.test.skip, Object.assign(pm.globals, ...)): Postman hands every script
// new ones, so such a script's members are put back as they were when it
// finishes (js/parts/pm-members.js). Like mayChangePM the look is textual
// and errs towards true; a member reached through an alias
// (var e = pm.environment; e.x = 1) goes unseen.
func mayWritePMMembers(src string) bool {
	if namesEvalOrFunction(src) {
		return true
	}
	for _, call := range []string{"Object.defineProperty", "Object.defineProperties", "Object.assign", "Object.setPrototypeOf",
		"Reflect.set", "Reflect.defineProperty", "Reflect.deleteProperty", "Reflect.setPrototypeOf"} {
		if strings.Contains(src, call+"(pm.") || strings.Contains(src, call+"( pm.") {
			return true
		}
	}
	return anyPM(src, memberMayBeWritten)
}

// memberMayBeWritten looks at the pm at src[at:at+2]: a member of it that
// is deleted, updated, indexed or assigned to (pm.environment.x = 1).
func memberMayBeWritten(src string, at int) bool {
	if updatedBefore(src[:at]) {
		return true
	}
	rest, ok := afterMember(src[at+2:])
	if !ok {
		return false
	}
	if strings.HasPrefix(rest, "[") {
		return true // pm.environment['x'] = 1, or a read: errs towards true
	}
	if strings.HasPrefix(rest, ".") {
		if after, ok := afterMember(rest); ok && assigns(after) {
			return true
		}
	}
	return false
}

// afterMember skips `.name` at the start of s (spaces allowed) and returns
// what follows, trimmed; false when s does not start so.
func afterMember(s string) (string, bool) {
	s = strings.TrimLeft(s, " \t\r\n")
	if !strings.HasPrefix(s, ".") {
		return "", false
	}
	s = strings.TrimLeft(s[1:], " \t\r\n")
	n := 0
	for n < len(s) && isIdentByte(s[n]) {
		n++
	}
	if n == 0 {
		return "", false
	}
	return strings.TrimLeft(s[n:], " \t\r\n"), true
}

// assigns reports whether s, what follows a member's name, assigns or
// updates it (=, +=, ??=, ++...), not compares it (==, =>).
func assigns(s string) bool {
	switch {
	case strings.HasPrefix(s, "++"), strings.HasPrefix(s, "--"):
		return true
	case strings.HasPrefix(s, "=="), strings.HasPrefix(s, "=>"):
		return false
	case strings.HasPrefix(s, "="):
		return true
	}
	k := 0
	for k < len(s) && k < 4 && strings.IndexByte("+-*/%<>&|^?", s[k]) >= 0 {
		k++
	}
	return k > 0 && k < len(s) && s[k] == '=' && !(k == 1 && (s[0] == '<' || s[0] == '>'))
}
