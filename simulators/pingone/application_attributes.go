package pingone

var kindAppAttribute = &kind{
	name: "attributes", rtype: "APPLICATION_ATTRIBUTE_MAPPING", unique: "name", parentRef: "application",
	validate: func(_ *Server, _ *moreState, _ *environment, _ string, b map[string]any, old *rec) []detail {
		bad := required(b, "name", "value")
		bad = append(bad, oneOf(b, "mappingType", "CORE", "SCOPE", "CUSTOM")...)
		if old != nil && str(old.body, "mappingType") == "CORE" && str(b, "name") != str(old.body, "name") {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "name", Message: "The name of a CORE attribute mapping cannot be changed"})
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if b["mappingType"] == nil {
			b["mappingType"] = "CUSTOM"
		}
		if _, ok := b["required"]; !ok {
			b["required"] = false
		}
	},
	canDelete: func(_ *moreState, x *rec) *detail {
		if str(x.body, "mappingType") != "CUSTOM" {
			return &detail{Code: "INVALID_VALUE", Target: "mappingType", Message: "CORE and SCOPE attribute mappings cannot be deleted"}
		}
		return nil
	},
}

// seedAppAttributes adds the CORE "sub" mapping PingOne gives every OIDC
// application the first time its attributes are read.
func (s *Server) seedAppAttributes(st *moreState, app *application) {
	key := "attributes:" + app.id
	if st.seeded[key] {
		return
	}
	st.seeded[key] = true
	if app.str("protocol") != "OPENID_CONNECT" {
		return
	}
	x := s.add(st, kindAppAttribute, app.envID, app.id, "/environments/"+app.envID+"/applications/"+app.id+"/attributes",
		map[string]any{"name": "sub", "value": "${user.id}", "required": true, "mappingType": "CORE"})
	x.createdAt, x.updatedAt = app.createdAt, app.createdAt
}

var kindFlowPolicyAssignment = &kind{
	name: "flowPolicyAssignments", rtype: "FLOW_POLICY_ASSIGNMENT",
	validate: func(s *Server, st *moreState, env *environment, parent string, b map[string]any, old *rec) []detail {
		var bad []detail
		id, _ := lookup(b, "flowPolicy.id")
		if p, _ := id.(string); p == "" {
			bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "flowPolicy.id", Message: "must not be blank"})
		} else if s.flowPolicy(st, env, p) == nil { // davinci.go: one of the environment's DaVinci flow policies
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "flowPolicy.id", Message: "Referenced flow policy does not exist"})
		}
		prio, isNum := b["priority"].(float64)
		if !isNum || prio < 1 {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "priority", Message: "must be greater than or equal to 1"})
		}
		for _, o := range st.list("flowPolicyAssignments", env.id, parent) {
			// Stored priorities are ints (prepare), request ones float64.
			if op, _ := o.body["priority"].(int); (old == nil || o.id != old.id) && isNum && float64(op) == prio {
				bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "priority", Message: "An assignment with the specified priority already exists for the application"})
			}
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if p, ok := b["priority"].(float64); ok {
			b["priority"] = int(p)
		}
	},
}
