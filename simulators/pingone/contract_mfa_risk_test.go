package pingone_test

import (
	"net/http"

	"github.com/patrickcping/pingone-go-sdk-v2/mfa"
	"github.com/patrickcping/pingone-go-sdk-v2/risk"
	"github.com/stretchr/testify/require"
)

const (
	sdkMFA  = "github.com/patrickcping/pingone-go-sdk-v2/mfa"
	sdkRisk = "github.com/patrickcping/pingone-go-sdk-v2/risk"
)

// mfaAndRisk drives the areas PingOne models in its MFA and Protect (risk)
// SDK modules: MFA settings, device authentication policies, a user's MFA
// devices, risk policy sets and risk evaluations.
func (c *contract) mfaAndRisk(userID string) {
	t := c.t
	mrec := c.module(sdkMFA)
	mcfg := mfa.NewConfiguration()
	mcfg.Servers = mfa.ServerConfigurations{{URL: c.apiURL}}
	mcfg.HTTPClient = &http.Client{Transport: mrec}
	mcfg.AddDefaultHeader("Authorization", "Bearer "+c.token)
	m := mfa.NewAPIClient(mcfg)

	settings, resp, err := m.MFASettingsApi.ReadMFASettings(c.ctx, c.env).Execute()
	c.ok("mfa settings", "read", resp, err)
	require.NotNil(t, settings)
	_, resp, err = m.MFASettingsApi.UpdateMFASettings(c.ctx, c.env).MFASettings(*settings).Execute()
	c.ok("mfa settings", "update", resp, err)
	_, resp, err = m.MFASettingsApi.ResetMFASettings(c.ctx, c.env).Execute()
	c.ok("mfa settings", "reset", resp, err)

	var policyID string
	for cursor, err := range m.DeviceAuthenticationPolicyApi.ReadDeviceAuthenticationPolicies(c.ctx, c.env).Execute() {
		c.ok("device authentication policies", "read all", cursor.HTTPResponse, err)
		if err != nil {
			break
		}
		if cursor.EntityArray != nil && cursor.EntityArray.Embedded != nil {
			for _, p := range cursor.EntityArray.Embedded.GetDeviceAuthenticationPolicies() {
				policyID = p.GetId()
			}
		}
	}
	if policyID != "" {
		_, resp, err = m.DeviceAuthenticationPolicyApi.ReadOneDeviceAuthenticationPolicy(c.ctx, c.env, policyID).Execute()
		c.ok("device authentication policies", "read one", resp, err)
	} else {
		t.Error("device authentication policies: an environment has none; PingOne provisions a default one")
	}

	devices := m.UserMFADevicesApi
	resp, err = devices.EnvironmentsEnvironmentIDUsersUserIDDevicesPost(c.ctx, c.env, userID).
		Body(map[string]any{"type": "EMAIL", "email": "ada@example.com"}).Execute()
	c.ok("mfa devices", "create", resp, err)
	resp, err = devices.EnvironmentsEnvironmentIDUsersUserIDDevicesGet(c.ctx, c.env, userID).Execute()
	c.ok("mfa devices", "read all", resp, err)

	rrec := c.module(sdkRisk)
	rcfg := risk.NewConfiguration()
	rcfg.Servers = risk.ServerConfigurations{{URL: c.apiURL}}
	rcfg.HTTPClient = &http.Client{Transport: rrec}
	rcfg.AddDefaultHeader("Authorization", "Bearer "+c.token)
	rk := risk.NewAPIClient(rcfg)
	for cursor, err := range rk.RiskPoliciesApi.ReadRiskPolicySets(c.ctx, c.env).Execute() {
		c.ok("risk", "policy sets", cursor.HTTPResponse, err)
		if err != nil {
			break
		}
	}
	cond := risk.NewRiskPolicyCondition()
	cond.SetContains("${transaction.ip}")
	cond.SetIpRange([]string{"192.0.2.0/24"})
	set := risk.NewRiskPolicySet("Contract")
	set.SetRiskPolicies([]risk.RiskPolicy{*risk.NewRiskPolicy(*cond, "ALLOWLIST", *risk.NewRiskPolicyResult(risk.ENUMRISKLEVEL_LOW))})
	ps, resp, err := rk.RiskPoliciesApi.CreateRiskPolicySet(c.ctx, c.env).RiskPolicySet(*set).Execute()
	c.ok("risk", "policy set create", resp, err)
	if ps != nil {
		_, resp, err = rk.RiskPoliciesApi.ReadOneRiskPolicySet(c.ctx, c.env, ps.GetId()).Execute()
		c.ok("risk", "policy set", resp, err)
	}
	ev, resp, err := rk.RiskEvaluationsApi.CreateRiskEvaluation(c.ctx, c.env).RiskEvaluation(*risk.NewRiskEvaluation(
		*risk.NewRiskEvaluationEvent("192.0.2.10", *risk.NewRiskEvaluationEventUser(userID, risk.ENUMUSERTYPE_EXTERNAL)))).Execute()
	c.ok("risk", "evaluation create", resp, err)
	if ev != nil {
		_, resp, err = rk.RiskEvaluationsApi.ReadOneRiskEvaluation(c.ctx, c.env, ev.GetId()).Execute()
		c.ok("risk", "evaluation", resp, err)
	}

}
