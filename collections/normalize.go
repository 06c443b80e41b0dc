package collections

// normalize makes empty lists nil everywhere except URL.Path, where an
// empty list still prints as "/". Equal collections then compare equal
// whatever the file said ([] or nothing).
func normalize(c *Collection) {
	c.Variables = nilIfEmpty(c.Variables)
	c.Events = nilIfEmpty(c.Events)
	c.Items = nilIfEmpty(c.Items)
	var walk func([]*Item)
	walk = func(items []*Item) {
		for _, it := range items {
			it.Variables = nilIfEmpty(it.Variables)
			it.Events = nilIfEmpty(it.Events)
			it.Items = nilIfEmpty(it.Items)
			if r := it.Request; r != nil {
				r.Header = nilIfEmpty(r.Header)
				r.URL.normalize()
				if b := r.Body; b != nil {
					b.URLEncoded = nilIfEmpty(b.URLEncoded)
					b.FormData = nilIfEmpty(b.FormData)
					for i := range b.FormData {
						b.FormData[i].Src = nilIfEmpty(b.FormData[i].Src)
					}
				}
			}
			walk(it.Items)
		}
	}
	walk(c.Items)
}

func (u *URL) normalize() {
	u.Host = nilIfEmpty(u.Host)
	u.Query = nilIfEmpty(u.Query)
	u.Variables = nilIfEmpty(u.Variables)
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
