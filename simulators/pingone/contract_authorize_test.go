package pingone_test

import (
	"encoding/json"
	"net/http"

	"github.com/patrickcping/pingone-go-sdk-v2/authorize"
	mgmt "github.com/patrickcping/pingone-go-sdk-v2/management"
	"github.com/patrickcping/pingone-go-sdk-v2/mfa"
	"github.com/patrickcping/pingone-go-sdk-v2/risk"
	"github.com/stretchr/testify/require"
)

// sdkAuthorize is PingOne Authorize's SDK module: application resources,
// their permissions and application roles.
const sdkAuthorize = "github.com/patrickcping/pingone-go-sdk-v2/authorize"

// authorize drives PingOne Authorize's application resources, permissions
// and roles (through its own SDK module, and the management module's
// routes below a custom resource and a user).
func (c *contract) authorize(userID string) {
	res, resp, err := c.api.ResourcesApi.CreateResource(c.ctx, c.env).Resource(*mgmt.NewResource("Claims")).Execute()
	c.ok("authorize", "custom resource", resp, err)
	require.NotNil(c.t, res)
	ars := c.api.ApplicationResourcesApi
	ar, resp, err := ars.CreateApplicationResource(c.ctx, c.env, res.GetId()).ResourceApplicationResource(*mgmt.NewResourceApplicationResource("Claims")).Execute()
	c.ok("authorize", "application resource create", resp, err)
	require.NotNil(c.t, ar)
	c.all("authorize", "application resources of the resource", ars.ReadAllApplicationResources(c.ctx, c.env, res.GetId()).Execute())
	c.got("authorize", "application resource of the resource")(ars.ReadOneApplicationResource(c.ctx, c.env, res.GetId(), ar.GetId()).Execute())

	cfg := authorize.NewConfiguration()
	cfg.Servers = authorize.ServerConfigurations{{URL: c.apiURL}}
	cfg.HTTPClient = &http.Client{Transport: c.module(sdkAuthorize)}
	cfg.AddDefaultHeader("Authorization", "Bearer "+c.token)
	a := authorize.NewAPIClient(cfg)
	pages := func(op string, it authorize.EntityArrayPagedIterator) {
		for cursor, err := range it {
			c.ok("authorize", op, cursor.HTTPResponse, err)
			if err != nil {
				break
			}
		}
	}
	pages("application resources", a.ApplicationResourcesApi.ReadApplicationResources(c.ctx, c.env).Execute())
	c.got("authorize", "application resource")(a.ApplicationResourcesApi.ReadOneApplicationResource(c.ctx, c.env, ar.GetId()).Execute())
	ps := a.ApplicationResourcePermissionsApi
	perm, resp, err := ps.CreateApplicationPermission(c.ctx, c.env, ar.GetId()).ApplicationResourcePermission(*authorize.NewApplicationResourcePermission("approve")).Execute()
	c.ok("authorize", "permission create", resp, err)
	require.NotNil(c.t, perm)
	pages("permissions", ps.ReadApplicationPermissions(c.ctx, c.env, ar.GetId()).Execute())
	c.got("authorize", "permission")(ps.ReadOneApplicationPermission(c.ctx, c.env, ar.GetId(), perm.GetId()).Execute())

	rs := a.ApplicationRolesApi
	role, resp, err := rs.CreateApplicationRoles(c.ctx, c.env).ApplicationRole(*authorize.NewApplicationRole("Approver")).Execute()
	c.ok("authorize", "role create", resp, err)
	require.NotNil(c.t, role)
	pages("roles", rs.ReadApplicationRoles(c.ctx, c.env).Execute())
	c.got("authorize", "role")(rs.ReadOneApplicationRole(c.ctx, c.env, role.GetId()).Execute())
	c.got("authorize", "role permission add")(a.ApplicationRolePermissionsApi.CreateApplicationRolePermission(c.ctx, c.env, role.GetId()).
		ApplicationRolePermission(*authorize.NewApplicationRolePermission(perm.GetId())).Execute())
	pages("role permissions", a.ApplicationRolePermissionsApi.ReadApplicationRolePermissions(c.ctx, c.env, role.GetId()).Execute())

	ua := c.api.UserApplicationRoleAssignmentsApi
	as, resp, err := ua.CreateUserApplicationRoleAssignment(c.ctx, c.env, userID).UserApplicationRoleAssignment(*mgmt.NewUserApplicationRoleAssignment(role.GetId())).Execute()
	c.ok("authorize", "user role assignment", resp, err)
	pages("role assignments", a.ApplicationRoleAssignmentsApi.ReadApplicationRoleAssignments(c.ctx, c.env, role.GetId()).Execute())
	if as != nil {
		c.raw("authorize", "user role assignment delete")(ua.DeleteUserApplicationRoleAssignment(c.ctx, c.env, userID, as.GetId()).Execute())
	}
	c.raw("authorize", "permission delete")(ps.DeleteApplicationPermission(c.ctx, c.env, ar.GetId(), perm.GetId()).Execute())
	c.raw("authorize", "role delete")(rs.DeleteApplicationRole(c.ctx, c.env, role.GetId()).Execute())
}

// mfaAndRiskWrites drives what mfaAndRisk leaves: a device read, the
// user's MFA switch, a risk policy set's update and delete, and an
// evaluation's completion.
func (c *contract) mfaAndRiskWrites(userID string) {
	mcfg := mfa.NewConfiguration()
	mcfg.Servers = mfa.ServerConfigurations{{URL: c.apiURL}}
	mcfg.HTTPClient = &http.Client{Transport: c.module(sdkMFA)}
	mcfg.AddDefaultHeader("Authorization", "Bearer "+c.token)
	m := mfa.NewAPIClient(mcfg)
	_, resp, err := m.EnableUsersMFAApi.ReadUserMFAEnabled(c.ctx, c.env, userID).Execute()
	c.ok("mfa devices", "mfa enabled", resp, err)
	_, resp, err = m.EnableUsersMFAApi.UpdateUserMFAEnabled(c.ctx, c.env, userID).UserMFAEnabled(*mfa.NewUserMFAEnabled(true)).Execute()
	c.ok("mfa devices", "mfa enabled (PUT)", resp, err)
	resp, err = m.UserMFADevicesApi.EnvironmentsEnvironmentIDUsersUserIDDevicesPost(c.ctx, c.env, userID).
		Body(map[string]any{"type": "SMS", "phone": "+15555550100"}).Execute()
	c.ok("mfa devices", "create", resp, err)
	var dev struct{ ID string }
	if resp != nil {
		_ = json.NewDecoder(resp.Body).Decode(&dev)
	}
	if dev.ID != "" {
		c.raw("mfa devices", "read one")(m.UserMFADevicesApi.EnvironmentsEnvironmentIDUsersUserIDDevicesDeviceIDGet(c.ctx, c.env, userID, dev.ID).Execute())
	}

	// A second device authentication policy, made from the default one.
	for cursor, err := range m.DeviceAuthenticationPolicyApi.ReadDeviceAuthenticationPolicies(c.ctx, c.env).Execute() {
		c.ok("device authentication policies", "read all", cursor.HTTPResponse, err)
		if err != nil || cursor.EntityArray == nil || cursor.EntityArray.Embedded == nil {
			break
		}
		for _, p := range cursor.EntityArray.Embedded.GetDeviceAuthenticationPolicies() {
			p.SetName("Writer")
			p.SetDefault(false)
			p.Id, p.Environment = nil, nil
			_, resp, err := m.DeviceAuthenticationPolicyApi.CreateDeviceAuthenticationPolicies(c.ctx, c.env).
				DeviceAuthenticationPolicyPost(mfa.DeviceAuthenticationPolicyPost{DeviceAuthenticationPolicy: &p}).Execute()
			c.ok("device authentication policies", "create", resp, err)
			break
		}
	}

	rcfg := risk.NewConfiguration()
	rcfg.Servers = risk.ServerConfigurations{{URL: c.apiURL}}
	rcfg.HTTPClient = &http.Client{Transport: c.module(sdkRisk)}
	rcfg.AddDefaultHeader("Authorization", "Bearer "+c.token)
	rk := risk.NewAPIClient(rcfg)
	cond := risk.NewRiskPolicyCondition()
	cond.SetContains("${transaction.ip}")
	cond.SetIpRange([]string{"198.51.100.0/24"})
	set := risk.NewRiskPolicySet("Writer")
	set.SetRiskPolicies([]risk.RiskPolicy{*risk.NewRiskPolicy(*cond, "ALLOWLIST", *risk.NewRiskPolicyResult(risk.ENUMRISKLEVEL_LOW))})
	ps, resp, err := rk.RiskPoliciesApi.CreateRiskPolicySet(c.ctx, c.env).RiskPolicySet(*set).Execute()
	c.ok("risk", "policy set create", resp, err)
	if ps != nil {
		set.SetDescription("updated")
		c.got("risk", "policy set update")(rk.RiskPoliciesApi.UpdateRiskPolicySet(c.ctx, c.env, ps.GetId()).RiskPolicySet(*set).Execute())
		ev, resp, err := rk.RiskEvaluationsApi.CreateRiskEvaluation(c.ctx, c.env).RiskEvaluation(*risk.NewRiskEvaluation(
			*risk.NewRiskEvaluationEvent("198.51.100.7", *risk.NewRiskEvaluationEventUser(userID, risk.ENUMUSERTYPE_EXTERNAL)))).Execute()
		c.ok("risk", "evaluation create", resp, err)
		if ev != nil {
			event := ev.GetEvent()
			event.SetCompletionStatus(risk.ENUMCOMPLETIONSTATUS_SUCCESS)
			c.got("risk", "evaluation completion")(rk.RiskEvaluationsApi.UpdateRiskEvaluation(c.ctx, c.env, ev.GetId()).RiskEvaluationEvent(event).Execute())
		}
		c.raw("risk", "policy set delete")(rk.RiskPoliciesApi.DeleteRiskPolicySet(c.ctx, c.env, ps.GetId()).Execute())
	}
}
