package pingone

import (
	"net"
	"net/http"
	"strings"
)

var riskLevels = []string{"LOW", "MEDIUM", "HIGH"}

var kindRiskPolicySet = &kind{
	name: "riskPolicySets", rtype: "RISK_POLICY_SET", unique: "name",
	validate: func(_ *Server, _ *moreState, _ *environment, _ string, b map[string]any, _ *rec) []detail {
		bad := required(b, "name", "riskPolicies")
		list, _ := b["riskPolicies"].([]any)
		for i, p := range list {
			pm := asMap(p)
			at := "riskPolicies[" + itoa(i) + "]"
			for _, f := range []string{"name", "condition", "result"} {
				if pm[f] == nil {
					bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: at + "." + f, Message: "must not be null"})
				}
			}
			if lvl := str(obj(pm, "result"), "level"); lvl != "" && !containsFold(riskLevels, lvl) {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: at + ".result.level", Message: "must be one of [LOW, MEDIUM, HIGH]"})
			}
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if _, ok := b["default"]; !ok {
			b["default"] = false
		}
		// PingOne assigns priorities in list order.
		list, _ := b["riskPolicies"].([]any)
		for i, p := range list {
			pm := asMap(p)
			if pm["id"] == nil {
				pm["id"] = newID()
			}
			pm["priority"] = i + 1
			if res := obj(pm, "result"); res != nil && str(res, "level") != "" {
				res["level"] = strings.ToUpper(str(res, "level"))
				if res["type"] == nil {
					res["type"] = "VALUE"
				}
			}
		}
		if dr := obj(b, "defaultResult"); dr != nil && str(dr, "level") != "" {
			dr["level"] = strings.ToUpper(str(dr, "level"))
			if dr["type"] == nil {
				dr["type"] = "VALUE"
			}
		}
	},
	afterWrite: moveDefault,
	canDelete:  notDefault("risk policy set"),
}

func containsFold(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// createRiskEvaluation serves POST /riskEvaluations, a deterministic
// evaluation: the first policy of the set whose IP range contains the
// event's IP gives the level, else the set's default result. GET
// /riskEvaluations/{id} reads it and PUT /riskEvaluations/{id}/event takes
// the completionStatus a flow sends when it ends.
func (s *Server) createRiskEvaluation(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	bad := required(body, "event", "event.ip", "event.user.id")
	ip := net.ParseIP(str(obj(body, "event"), "ip"))
	if str(obj(body, "event"), "ip") != "" && ip == nil {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "event.ip", Message: "must be a valid IP address"})
	}
	var set *rec
	if id := str(obj(body, "riskPolicySet"), "id"); id != "" {
		if set = st.get(id, "riskPolicySets", env.id); set == nil {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "riskPolicySet.id", Message: "Referenced risk policy set does not exist"})
		}
	} else {
		for _, x := range st.list("riskPolicySets", env.id, "") {
			if x.body["default"] == true {
				set = x
			}
		}
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	body["result"] = evaluateRisk(set, ip)
	body["riskPolicySet"] = map[string]any{"id": set.id, "name": str(set.body, "name")}
	body["details"] = map[string]any{"ipAddressReputation": map[string]any{"score": 0, "level": "LOW"}}
	x := s.add(st, &kind{name: "riskEvaluations"}, env.id, "", "/environments/"+env.id+"/riskEvaluations", body)
	delete(st.recs, x.id) // evaluations are kept apart from the generic kinds
	st.evals[x.id] = x
	writeHAL(w, http.StatusCreated, s.recJSON(x, &kind{}, base))
}

// riskEvaluation finds {riskEvaluationID} in the environment, answering
// 404 when it is not there.
func (s *Server) riskEvaluation(w http.ResponseWriter, r *http.Request, env *environment) *rec {
	x := s.more().evals[r.PathValue("riskEvaluationID")]
	if x == nil || x.envID != env.id {
		writeNotFound(w)
		return nil
	}
	return x
}

func (s *Server) readRiskEvaluation(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	if x := s.riskEvaluation(w, r, env); x != nil {
		writeHAL(w, http.StatusOK, s.recJSON(x, &kind{}, base))
	}
}

// riskEvaluationEvent takes the completionStatus a flow sends when it ends.
func (s *Server) riskEvaluationEvent(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	x := s.riskEvaluation(w, r, env)
	if x == nil {
		return
	}
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	if bad := oneOf(body, "completionStatus", "SUCCESS", "FAILED", "IN_PROGRESS"); len(bad) > 0 || body["completionStatus"] == nil {
		writeInvalidData(w, append(bad, required(body, "completionStatus")...)...)
		return
	}
	obj(x.body, "event")["completionStatus"] = body["completionStatus"]
	x.updatedAt = s.now()
	writeHAL(w, http.StatusOK, s.recJSON(x, &kind{}, base))
}

// evaluateRisk applies a risk policy set to an IP: the first policy (by
// priority) whose ipRange condition contains it decides the level.
func evaluateRisk(set *rec, ip net.IP) map[string]any {
	policies, _ := set.body["riskPolicies"].([]any)
	for _, p := range policies {
		pm := asMap(p)
		cond := obj(pm, "condition")
		ranges, _ := cond["ipRange"].([]any)
		for _, rg := range ranges {
			cidr, _ := rg.(string)
			if !strings.Contains(cidr, "/") {
				cidr += "/32"
			}
			if _, n, err := net.ParseCIDR(cidr); err == nil && ip != nil && n.Contains(ip) {
				res := obj(pm, "result")
				return map[string]any{"level": strings.ToUpper(str(res, "level")), "type": "VALUE", "source": "POLICY"}
			}
		}
	}
	level := "LOW"
	if dr := obj(set.body, "defaultResult"); str(dr, "level") != "" {
		level = strings.ToUpper(str(dr, "level"))
	}
	return map[string]any{"level": level, "type": "VALUE", "source": "DEFAULT"}
}
