package pingone

// kindKeyRotationPolicy is a key rotation policy: the shape of the keys
// PingOne makes and rotates for it.
var kindKeyRotationPolicy = &kind{
	name: "keyRotationPolicies", rtype: "KEY_ROTATION_POLICY", unique: "name",
	validate: func(_ *Server, _ *moreState, _ *environment, _ string, b map[string]any, _ *rec) []detail {
		bad := required(b, "algorithm", "dn", "keyLength", "name", "signatureAlgorithm", "usageType")
		bad = append(bad, oneOf(b, "algorithm", "RSA")...)
		bad = append(bad, oneOf(b, "usageType", "ENCRYPTION", "SIGNING")...)
		bad = append(bad, oneOf(b, "signatureAlgorithm", "SHA256withRSA", "SHA384withRSA", "SHA512withRSA")...)
		if dn := str(b, "dn"); dn != "" {
			if _, ok := parseDN(dn); !ok {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "dn", Message: "must be a valid DN with CN, O, OU, L, ST and C"})
			}
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if b["rotationPeriod"] == nil {
			b["rotationPeriod"] = 90
		}
		if b["validityPeriod"] == nil {
			b["validityPeriod"] = 365
		}
		b["currentKeyId"], b["nextKeyId"] = newID(), newID()
	},
}
