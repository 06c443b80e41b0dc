package pingone_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	mgmt "github.com/patrickcping/pingone-go-sdk-v2/management"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
	"github.com/courier-run/courier/simulators/pingone/pingonetest"
)

// contract drives the local PingOne through PingOne's own SDK: every typed
// call must succeed with the status the spec declares and decode into the
// SDK's models, and every answer must satisfy the spec's schema (required
// properties, enums, JSON types, oneOf variants).
type contract struct {
	t     *testing.T
	ctx   context.Context
	api   *mgmt.APIClient
	rec   *recorder
	env   string
	admin string         // the admin environment, whose license new environments use
	calls map[string]int // area -> typed calls made
	srv   *pingone.Server
	// apiURL and token reach the same server from the other SDK modules.
	apiURL, token string
	run           *pingone.Running
	// modules are the recorders of every SDK module driven, by module path.
	modules map[string]*recorder
}

// module is the recording transport for an SDK module's client: its
// answers are checked against that module's specification.
func (c *contract) module(path string) *recorder {
	if c.modules[path] == nil {
		c.modules[path] = &recorder{base: http.DefaultTransport}
	}
	return c.modules[path]
}

func newContract(t *testing.T) *contract {
	t.Helper()
	run := pingonetest.StartWith(t, pingone.Options{Signing: "HS256"})
	creds := run.Credentials()
	form := url.Values{"grant_type": {"client_credentials"}}
	req, err := http.NewRequest("POST", run.URL+"/"+creds.AdminEnvID+"/as/token", strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.SetBasicAuth(creds.AdminAppID, creds.AdminAppSecret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&tok))
	require.NotEmpty(t, tok.AccessToken)

	rec := &recorder{base: http.DefaultTransport}
	modules := map[string]*recorder{sdkModule: rec}
	cfg := mgmt.NewConfiguration()
	cfg.Servers = mgmt.ServerConfigurations{{URL: run.APIURL}}
	cfg.HTTPClient = &http.Client{Transport: rec}
	cfg.AddDefaultHeader("Authorization", "Bearer "+tok.AccessToken)
	return &contract{t: t, ctx: context.Background(), api: mgmt.NewAPIClient(cfg), rec: rec, admin: creds.AdminEnvID, calls: map[string]int{}, srv: run.Server,
		apiURL: run.APIURL, token: tok.AccessToken, modules: modules, run: run}
}

// ok fails the test when a typed call errs: a transport error, a status
// the SDK did not expect, or a body its models cannot decode.
func (c *contract) ok(area, op string, resp *http.Response, err error) {
	c.t.Helper()
	c.calls[area]++
	if err != nil {
		detail := ""
		if oe, ok := err.(interface{ Body() []byte }); ok {
			detail = string(oe.Body())
		}
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		c.t.Errorf("%s: %s: %d %v %s", area, op, status, err, detail)
	}
}

// got is ok for a call whose answer the test does not use further.
func (c *contract) got(area, op string) func(any, *http.Response, error) {
	return func(_ any, resp *http.Response, err error) {
		c.t.Helper()
		c.ok(area, op, resp, err)
	}
}

// raw is ok for a call whose answer the SDK leaves undecoded (the spec
// check still validates it).
func (c *contract) raw(area, op string) func(*http.Response, error) {
	return func(resp *http.Response, err error) {
		c.t.Helper()
		c.ok(area, op, resp, err)
	}
}

// all walks a paged read to its end and returns the entities of every page.
func (c *contract) all(area, op string, it mgmt.EntityArrayPagedIterator) *mgmt.EntityArrayEmbedded {
	c.t.Helper()
	var first *mgmt.EntityArrayEmbedded
	for cursor, err := range it {
		c.ok(area, op, cursor.HTTPResponse, err)
		if err != nil {
			break
		}
		if first == nil && cursor.EntityArray != nil {
			first = cursor.EntityArray.Embedded
		}
	}
	if first == nil {
		first = &mgmt.EntityArrayEmbedded{}
	}
	return first
}

func TestSDKContract(t *testing.T) {
	t.Parallel()
	c := newContract(t)
	c.environments()
	c.populations()
	users := c.users()
	c.applications()
	c.groups(users)
	c.resources()
	c.signOnPolicies()
	c.passwordPolicies()
	c.languages()
	c.identityProviders()
	c.gateways()
	c.keys()
	c.notifications()
	c.propagation()
	c.agreements()
	c.platform()
	c.imagesAndIntegrations()
	c.mfaAndRisk(users) // contract_mfa_risk_test.go
	c.writes(users)     // contract_writes_test.go
	c.authorize(users)  // contract_authorize_test.go
	c.mfaAndRiskWrites(users)

	covered := map[string]bool{}
	drivers := map[string]map[string]bool{} // served pattern -> the SDK operations that reached it
	for _, mod := range []string{sdkModule, sdkMFA, sdkRisk, sdkAuthorize} {
		rec := c.modules[mod]
		if rec == nil {
			t.Errorf("%s: no call went through it", mod)
			continue
		}
		spec := loadSpecFor(t, mod)
		seen := rec.check(t, spec)
		name := mod[strings.LastIndex(mod, "/")+1:]
		t.Logf("SDK contract, %s: %d calls, %d distinct operations of its specification", name, len(rec.log), len(seen))
		for _, ex := range rec.log {
			pattern := c.srv.RoutePattern(ex.method, "/v1"+ex.path)
			covered[pattern] = true
			if tmpl, op := spec.operation(ex.method, ex.path); op != nil {
				if drivers[pattern] == nil {
					drivers[pattern] = map[string]bool{}
				}
				id, ok := op["operationId"].(string)
				if !ok { // some operations have none: name them by method and path
					id = ex.method + " " + tmpl
				}
				drivers[pattern][name+"."+id] = true
			}
		}
	}
	checkRouteCoverage(t, c.srv.RoutePatterns(), covered)
	checkRouteInventory(t, c.srv.RoutePatterns(), drivers)
	// Everything the contract made persists: a save and restore keeps it.
	snapshotRoundTrips(t, c.srv)
	areas := make([]string, 0, len(c.calls))
	total := 0
	for a, n := range c.calls {
		areas = append(areas, a)
		total += n
	}
	sort.Strings(areas)
	t.Logf("SDK contract: %d typed calls over %d areas (%s)", total, len(areas), strings.Join(areas, ", "))
}

// routeExemptions are the management routes the SDK contract does not
// drive, each with why; the list is short and every entry must still be
// served and still be undriven (checkRouteCoverage).
var routeExemptions = map[string]string{
	// Courier's own: PingOne's specification has only GET here, but the
	// Create Rule pages and the Workday tutorial post rules to the plan.
	"POST /v1/environments/{envID}/propagation/plans/{planID}/rules": "courier-only: the Workday propagation tutorial creates rules here",
	// The specification spells the DELETE /propagation/mapping/{mappingID}
	// (singular, which is served too and driven); the mapping itself lives
	// at the plural path, where the same client reads and updates it.
	"DELETE /v1/environments/{envID}/propagation/mappings/{mappingID}": "courier-only spelling of the spec's singular DELETE path",
}

// checkRouteCoverage fails for a served management route that no SDK call
// reached and that is not exempt, and for a stale exemption.
func checkRouteCoverage(t *testing.T, served []string, covered map[string]bool) {
	t.Helper()
	problems, driven := routeCoverage(served, covered, routeExemptions)
	for _, p := range problems {
		t.Error(p)
	}
	t.Logf("SDK contract: %d of %d served management routes driven (%.0f%%), %d exempt", driven, len(served), 100*float64(driven)/float64(len(served)), len(routeExemptions))
}

// routeCoverage lists what is wrong with the coverage of served routes and
// counts the driven ones.
func routeCoverage(served []string, covered map[string]bool, exempt map[string]string) (problems []string, driven int) {
	for _, p := range served {
		_, isExempt := exempt[p]
		switch {
		case covered[p] && isExempt:
			problems = append(problems, p+": the SDK contract drives it now; drop it from routeExemptions")
		case covered[p]:
			driven++
		case !isExempt:
			problems = append(problems, p+": served by the local PingOne, but no SDK contract call drives it (drive it, or exempt it with a reason)")
		}
	}
	for p := range exempt {
		if !contains(served, p) {
			problems = append(problems, p+": exempt, but no longer served; drop it from routeExemptions")
		}
	}
	sort.Strings(problems)
	return problems, driven
}

// routeInventory is docs/pingone-routes.md: every served management route
// with the SDK operations that drive it, written by TestSDKContract -update.
const routeInventory = "../../docs/pingone-routes.md"

var update = flag.Bool("update", false, "rewrite "+routeInventory)

// checkRouteInventory compares the served routes and their drivers with
// the inventory in the docs, or rewrites it with -update.
func checkRouteInventory(t *testing.T, served []string, drivers map[string]map[string]bool) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# The local PingOne's management routes and the SDK operations that drive them\n\n")
	b.WriteString("Generated by `go test ./simulators/pingone -run TestSDKContract -update` from the management API's ServeMux table\n")
	b.WriteString("(`managementRoutes` in simulators/pingone/api_areas.go) and the requests `TestSDKContract` sends through PingOne's\n")
	b.WriteString("Go SDK (`module.operationId` of the module's `api/openapi.yaml`). The test fails when a served route is driven by no\n")
	b.WriteString("SDK call and is not exempt, and when this file is stale. See [pingone.md](pingone.md#judged-by-pingones-sdk).\n\n")
	b.WriteString("| Route | Driven by |\n|---|---|\n")
	for _, p := range served {
		var ops []string
		for op := range drivers[p] {
			ops = append(ops, "`"+op+"`")
		}
		sort.Strings(ops)
		cell := strings.Join(ops, ", ")
		if why, ok := routeExemptions[p]; ok {
			cell = "exempt: " + why
		}
		fmt.Fprintf(&b, "| `%s` | %s |\n", p, cell)
	}
	got := b.String()
	if *update {
		require.NoError(t, os.WriteFile(routeInventory, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(routeInventory)
	require.NoError(t, err, "run go test ./simulators/pingone -run TestSDKContract -update to write it")
	if string(want) != got {
		t.Errorf("%s is stale: run go test ./simulators/pingone -run TestSDKContract -update", routeInventory)
	}
}

// TestRouteCoverageCatches keeps the coverage check honest: a served route
// nobody drives, an exempt route that is driven and an exemption for a
// route no longer served are each reported.
func TestRouteCoverageCatches(t *testing.T) {
	t.Parallel()
	served := []string{"GET /a", "GET /b", "POST /c"}
	problems, driven := routeCoverage(served, map[string]bool{"GET /a": true, "POST /c": true},
		map[string]string{"POST /c": "why", "DELETE /gone": "why"})
	assert.Equal(t, 1, driven)
	assert.Equal(t, []string{
		"DELETE /gone: exempt, but no longer served; drop it from routeExemptions",
		"GET /b: served by the local PingOne, but no SDK contract call drives it (drive it, or exempt it with a reason)",
		"POST /c: the SDK contract drives it now; drop it from routeExemptions",
	}, problems)
	// The real table: every pattern the server registers has a method and
	// a path, and the exemptions name served routes.
	srv := pingone.New(pingone.Options{Signing: "HS256"})
	for _, p := range srv.RoutePatterns() {
		method, path, ok := strings.Cut(p, " ")
		assert.True(t, ok && method != "" && strings.HasPrefix(path, "/v1/"), p)
		assert.Equal(t, p, srv.RoutePattern(method, strings.NewReplacer("{", "x", "}", "").Replace(path)), "a request on %s reaches its own pattern", p)
	}
}

func (c *contract) environments() {
	a := c.api.EnvironmentsApi
	envs := c.all("environments", "read all", a.ReadAllEnvironments(c.ctx).Execute())
	require.NotNil(c.t, envs)
	admin, resp, err := a.ReadOneEnvironment(c.ctx, c.admin).Execute()
	c.ok("environments", "read one", resp, err)
	require.NotNil(c.t, admin)
	lic := mgmt.NewEnvironmentLicense(admin.License.GetId())
	env, resp, err := a.CreateEnvironmentActiveLicense(c.ctx).Environment(*mgmt.NewEnvironment(*lic, "Contract", mgmt.EnvironmentRegion{EnumRegionCode: mgmt.ENUMREGIONCODE_NA.Ptr()}, mgmt.ENUMENVIRONMENTTYPE_SANDBOX)).Execute()
	c.ok("environments", "create", resp, err)
	require.NotNil(c.t, env)
	c.env = env.GetId()
	_, resp, err = a.ReadOneEnvironment(c.ctx, c.env).Execute()
	c.ok("environments", "read one", resp, err)
	_, resp, err = c.api.BillOfMaterialsBOMApi.ReadOneBillOfMaterials(c.ctx, c.env).Execute()
	c.ok("environments", "bill of materials", resp, err)
}

func (c *contract) populations() {
	a := c.api.PopulationsApi
	p, resp, err := a.CreatePopulation(c.ctx, c.env).Population(*mgmt.NewPopulation("Contractors")).Execute()
	c.ok("populations", "create", resp, err)
	require.NotNil(c.t, p)
	_, resp, err = a.ReadOnePopulation(c.ctx, c.env, p.GetId()).Execute()
	c.ok("populations", "read one", resp, err)
	c.all("populations", "read all", a.ReadAllPopulations(c.ctx, c.env).Execute())
	upd := mgmt.NewPopulation("Contractors 2")
	upd.SetDescription("renamed")
	_, resp, err = a.UpdatePopulation(c.ctx, c.env, p.GetId()).Population(*upd).Execute()
	c.ok("populations", "update", resp, err)
	resp, err = a.DeletePopulation(c.ctx, c.env, p.GetId()).Execute()
	c.ok("populations", "delete", resp, err)
}

func (c *contract) users() string {
	a := c.api.UsersApi
	u := mgmt.NewUser("ada@example.com", "ada")
	u.SetName(mgmt.UserName{Given: mgmt.PtrString("Ada"), Family: mgmt.PtrString("Lovelace")})
	created, resp, err := a.CreateUser(c.ctx, c.env).User(*u).Execute()
	c.ok("users", "create", resp, err)
	require.NotNil(c.t, created)
	id := created.GetId()
	_, resp, err = a.ReadUser(c.ctx, c.env, id).Execute()
	c.ok("users", "read one", resp, err)
	c.all("users", "read all", a.ReadAllUsers(c.ctx, c.env).Execute())
	put := mgmt.NewUser("ada@example.com", "ada")
	put.SetNickname("Countess")
	_, resp, err = a.UpdateUserPut(c.ctx, c.env, id).User(*put).Execute()
	c.ok("users", "update (PUT)", resp, err)
	patch := mgmt.NewUser("ada@example.com", "ada")
	patch.SetTitle("Analyst")
	_, resp, err = a.UpdateUserPatch(c.ctx, c.env, id).User(*patch).Execute()
	c.ok("users", "update (PATCH)", resp, err)
	resp, err = a.EnvironmentsEnvironmentIDUsersUserIDVerifyStatusGet(c.ctx, c.env, id).Execute()
	c.ok("users", "verify status", resp, err)
	resp, err = a.EnvironmentsEnvironmentIDUsersUserIDIdentityProviderGet(c.ctx, c.env, id).Execute()
	c.ok("users", "identity provider", resp, err)

	pops := c.all("users", "populations for the move", c.api.PopulationsApi.ReadAllPopulations(c.ctx, c.env).Execute())
	if len(pops.GetPopulations()) > 0 {
		pid := pops.GetPopulations()[0].GetId()
		_, resp, err = c.api.UserPopulationsApi.UpdateUserPopulation(c.ctx, c.env, id).UserPopulation(*mgmt.NewUserPopulation(pid)).Execute()
		c.ok("users", "population (PUT)", resp, err)
	}
	_, resp, err = c.api.UserPopulationsApi.ReadUserPopulation(c.ctx, c.env, id).Execute()
	c.ok("users", "population", resp, err)
	_, resp, err = c.api.EnableUsersApi.ReadUserEnabled(c.ctx, c.env, id).Execute()
	c.ok("users", "enabled", resp, err)
	en := mgmt.NewUserEnabled()
	en.SetEnabled(true)
	_, resp, err = c.api.EnableUsersApi.UpdateUserEnabled(c.ctx, c.env, id).UserEnabled(*en).Execute()
	c.ok("users", "enabled (PUT)", resp, err)
	resp, err = c.api.UserPasswordsApi.EnvironmentsEnvironmentIDUsersUserIDPasswordPut(c.ctx, c.env, id).
		ContentType("application/vnd.pingidentity.password.set+json").
		Body(map[string]any{"value": "2FederateM0re!", "forceChange": false}).Execute()
	c.ok("users", "password set", resp, err)
	resp, err = c.api.UserPasswordsApi.EnvironmentsEnvironmentIDUsersUserIDPasswordGet(c.ctx, c.env, id).Execute()
	c.ok("users", "password state", resp, err)
	c.raw("users", "sessions")(c.api.SessionsApi.EnvironmentsEnvironmentIDUsersUserIDSessionsGet(c.ctx, c.env, id).Execute())
	c.raw("users", "linked accounts")(c.api.LinkedAccountsApi.EnvironmentsEnvironmentIDUsersUserIDLinkedAccountsGet(c.ctx, c.env, id).Execute())
	c.all("users", "role assignments", c.api.UserRoleAssignmentsApi.ReadUserRoleAssignments(c.ctx, c.env, id).Execute())
	c.all("users", "application role assignments", c.api.UserApplicationRoleAssignmentsApi.ReadUserApplicationRoleAssignments(c.ctx, c.env, id).Execute())
	resp, err = c.api.UserAgreementConsentsApi.EnvironmentsEnvironmentIDUsersUserIDAgreementConsentsGet(c.ctx, c.env, id).Execute()
	c.ok("users", "agreement consents", resp, err)
	return id
}

func (c *contract) applications() {
	a := c.api.ApplicationsApi
	oidc := mgmt.NewApplicationOIDC(true, "Web", mgmt.ENUMAPPLICATIONPROTOCOL_OPENID_CONNECT, mgmt.ENUMAPPLICATIONTYPE_WEB_APP,
		[]mgmt.EnumApplicationOIDCGrantType{mgmt.ENUMAPPLICATIONOIDCGRANTTYPE_AUTHORIZATION_CODE}, mgmt.ENUMAPPLICATIONOIDCTOKENAUTHMETHOD_CLIENT_SECRET_BASIC)
	oidc.SetRedirectUris([]string{"https://example.com/cb"})
	oidc.SetResponseTypes([]mgmt.EnumApplicationOIDCResponseType{mgmt.ENUMAPPLICATIONOIDCRESPONSETYPE_CODE})
	created, resp, err := a.CreateApplication(c.ctx, c.env).CreateApplicationRequest(mgmt.CreateApplicationRequest{ApplicationOIDC: oidc}).Execute()
	c.ok("applications", "create", resp, err)
	require.NotNil(c.t, created)
	require.NotNil(c.t, created.ApplicationOIDC, "the created OIDC app decodes as ApplicationOIDC")
	id := created.ApplicationOIDC.GetId()
	_, resp, err = a.ReadOneApplication(c.ctx, c.env, id).Execute()
	c.ok("applications", "read one", resp, err)
	c.all("applications", "read all", a.ReadAllApplications(c.ctx, c.env).Execute())
	oidc.SetDescription("updated")
	_, resp, err = a.UpdateApplication(c.ctx, c.env, id).UpdateApplicationRequest(mgmt.UpdateApplicationRequest{ApplicationOIDC: oidc}).Execute()
	c.ok("applications", "update", resp, err)
	_, resp, err = c.api.ApplicationSecretApi.ReadApplicationSecret(c.ctx, c.env, id).Execute()
	c.ok("applications", "secret", resp, err)
	_, resp, err = c.api.ApplicationSecretApi.UpdateApplicationSecret(c.ctx, c.env, id).Execute()
	c.ok("applications", "secret rotate", resp, err)

	m := c.api.ApplicationAttributeMappingApi
	attr, resp, err := m.CreateApplicationAttributeMapping(c.ctx, c.env, id).ApplicationAttributeMapping(*mgmt.NewApplicationAttributeMapping("team", false, "${user.title}")).Execute()
	c.ok("applications", "attribute mapping create", resp, err)
	c.all("applications", "attribute mappings", m.ReadAllApplicationAttributeMappings(c.ctx, c.env, id).Execute())
	if attr != nil {
		_, resp, err = m.ReadOneApplicationAttributeMapping(c.ctx, c.env, id, attr.GetId()).Execute()
		c.ok("applications", "attribute mapping", resp, err)
	}
	c.all("applications", "role assignments", c.api.ApplicationRoleAssignmentsApi.ReadApplicationRoleAssignments(c.ctx, c.env, id).Execute())
	c.all("applications", "grants", c.api.ApplicationResourceGrantsApi.ReadAllApplicationGrants(c.ctx, c.env, id).Execute())
	c.all("applications", "sign-on policy assignments", c.api.ApplicationSignOnPolicyAssignmentsApi.ReadAllSignOnPolicyAssignments(c.ctx, c.env, id).Execute())
	resp, err = a.DeleteApplication(c.ctx, c.env, id).Execute()
	c.ok("applications", "delete", resp, err)
}

func (c *contract) groups(userID string) {
	a := c.api.GroupsApi
	g, resp, err := a.CreateGroup(c.ctx, c.env).Group(*mgmt.NewGroup("Analysts")).Execute()
	c.ok("groups", "create", resp, err)
	require.NotNil(c.t, g)
	_, resp, err = a.ReadOneGroup(c.ctx, c.env, g.GetId()).Execute()
	c.ok("groups", "read one", resp, err)
	c.all("groups", "read all", a.ReadAllGroups(c.ctx, c.env).Execute())
	upd := mgmt.NewGroup("Analysts")
	upd.SetDescription("all of them")
	_, resp, err = a.UpdateGroup(c.ctx, c.env, g.GetId()).Group(*upd).Execute()
	c.ok("groups", "update", resp, err)
	_, resp, err = c.api.GroupMembershipApi.AddUserToGroup(c.ctx, c.env, userID).GroupMembership(*mgmt.NewGroupMembership(g.GetId())).Execute()
	c.ok("groups", "add member", resp, err)
	c.all("groups", "memberships", c.api.GroupMembershipApi.ReadAllGroupMembershipsForUser(c.ctx, c.env, userID).Execute())
	c.all("groups", "role assignments", c.api.GroupRoleAssignmentsApi.ReadGroupRoleAssignments(c.ctx, c.env, g.GetId()).Execute())
	resp, err = c.api.GroupMembershipApi.RemoveUserFromGroup(c.ctx, c.env, userID, g.GetId()).Execute()
	c.ok("groups", "remove member", resp, err)
	resp, err = a.DeleteGroup(c.ctx, c.env, g.GetId()).Execute()
	c.ok("groups", "delete", resp, err)
}

func (c *contract) resources() {
	a := c.api.ResourcesApi
	r, resp, err := a.CreateResource(c.ctx, c.env).Resource(*mgmt.NewResource("Invoices")).Execute()
	c.ok("resources", "create", resp, err)
	require.NotNil(c.t, r)
	id := r.GetId()
	_, resp, err = a.ReadOneResource(c.ctx, c.env, id).Execute()
	c.ok("resources", "read one", resp, err)
	c.all("resources", "read all", a.ReadAllResources(c.ctx, c.env).Execute())
	upd := mgmt.NewResource("Invoices")
	upd.SetDescription("money")
	_, resp, err = a.UpdateResource(c.ctx, c.env, id).Resource(*upd).Execute()
	c.ok("resources", "update", resp, err)
	s, resp, err := c.api.ResourceScopesApi.CreateResourceScope(c.ctx, c.env, id).ResourceScope(*mgmt.NewResourceScope("invoices:read")).Execute()
	c.ok("resources", "scope create", resp, err)
	if s != nil {
		_, resp, err = c.api.ResourceScopesApi.ReadOneResourceScope(c.ctx, c.env, id, s.GetId()).Execute()
		c.ok("resources", "scope", resp, err)
	}
	c.all("resources", "scopes", c.api.ResourceScopesApi.ReadAllResourceScopes(c.ctx, c.env, id).Execute())
	_, resp, err = c.api.ResourceAttributesApi.CreateResourceAttribute(c.ctx, c.env, id).ResourceAttribute(*mgmt.NewResourceAttribute("team", "${user.title}")).Execute()
	c.ok("resources", "attribute create", resp, err)
	c.all("resources", "attributes", c.api.ResourceAttributesApi.ReadAllResourceAttributes(c.ctx, c.env, id).Execute())
	_, resp, err = c.api.ResourceClientSecretApi.ReadResourceSecret(c.ctx, c.env, id).Execute()
	c.ok("resources", "secret", resp, err)
	c.all("resources", "application permissions", c.api.ApplicationPermissionsApi.ReadAllApplicationPermissions(c.ctx, c.env, id).Execute())
	resp, err = a.DeleteResource(c.ctx, c.env, id).Execute()
	c.ok("resources", "delete", resp, err)
}

func (c *contract) signOnPolicies() {
	a := c.api.SignOnPoliciesApi
	p, resp, err := a.CreateSignOnPolicy(c.ctx, c.env).SignOnPolicy(*mgmt.NewSignOnPolicy("Contract_policy")).Execute()
	c.ok("sign-on policies", "create", resp, err)
	require.NotNil(c.t, p)
	_, resp, err = a.ReadOneSignOnPolicy(c.ctx, c.env, p.GetId()).Execute()
	c.ok("sign-on policies", "read one", resp, err)
	c.all("sign-on policies", "read all", a.ReadAllSignOnPolicies(c.ctx, c.env).Execute())
	login := mgmt.NewSignOnPolicyActionLogin(1, mgmt.ENUMSIGNONPOLICYTYPE_LOGIN)
	act, resp, err := c.api.SignOnPolicyActionsApi.CreateSignOnPolicyAction(c.ctx, c.env, p.GetId()).SignOnPolicyAction(mgmt.SignOnPolicyAction{SignOnPolicyActionLogin: login}).Execute()
	c.ok("sign-on policies", "action create", resp, err)
	if act != nil && act.SignOnPolicyActionLogin != nil {
		_, resp, err = c.api.SignOnPolicyActionsApi.ReadOneSignOnPolicyAction(c.ctx, c.env, p.GetId(), act.SignOnPolicyActionLogin.GetId()).Execute()
		c.ok("sign-on policies", "action", resp, err)
	} else if act != nil {
		c.t.Errorf("sign-on policies: a LOGIN action decodes as %+v, not SignOnPolicyActionLogin", act.GetActualInstance())
	}
	c.all("sign-on policies", "actions", c.api.SignOnPolicyActionsApi.ReadAllSignOnPolicyActions(c.ctx, c.env, p.GetId()).Execute())
	resp, err = a.DeleteSignOnPolicy(c.ctx, c.env, p.GetId()).Execute()
	c.ok("sign-on policies", "delete", resp, err)
}

func (c *contract) passwordPolicies() {
	a := c.api.PasswordPoliciesApi
	c.all("password policies", "read all", a.ReadAllPasswordPolicies(c.ctx, c.env).Execute())
	p, resp, err := a.CreatePasswordPolicy(c.ctx, c.env).PasswordPolicy(*mgmt.NewPasswordPolicy(true, true, "Contract", true)).Execute()
	c.ok("password policies", "create", resp, err)
	if p != nil {
		_, resp, err = a.ReadOnePasswordPolicy(c.ctx, c.env, p.GetId()).Execute()
		c.ok("password policies", "read one", resp, err)
	}
}

func (c *contract) languages() {
	a := c.api.LanguagesApi
	c.all("languages", "read all", a.ReadLanguages(c.ctx, c.env).Execute())
	l, resp, err := a.CreateLanguage(c.ctx, c.env).Language(*mgmt.NewLanguage(false, false, "cy")).Execute()
	c.ok("languages", "create", resp, err)
	if l != nil {
		_, resp, err = a.ReadOneLanguage(c.ctx, c.env, l.GetId()).Execute()
		c.ok("languages", "read one", resp, err)
	}
}

func (c *contract) identityProviders() {
	a := c.api.IdentityProvidersApi
	oidc := mgmt.NewIdentityProviderOIDC(true, "Partner", mgmt.ENUMIDENTITYPROVIDEREXT_OPENID_CONNECT, "https://idp.example.com/authorize",
		"client", "secret", "https://idp.example.com", "https://idp.example.com/jwks", []string{"openid"}, "https://idp.example.com/token",
		mgmt.ENUMIDENTITYPROVIDEROIDCTOKENAUTHMETHOD_CLIENT_SECRET_BASIC)
	idp, resp, err := a.CreateIdentityProvider(c.ctx, c.env).IdentityProvider(mgmt.IdentityProvider{IdentityProviderOIDC: oidc}).Execute()
	c.ok("identity providers", "create", resp, err)
	if idp == nil || idp.IdentityProviderOIDC == nil {
		c.t.Errorf("identity providers: an OPENID_CONNECT provider does not decode as IdentityProviderOIDC: %+v", idp)
		return
	}
	id := idp.IdentityProviderOIDC.GetId()
	_, resp, err = a.ReadOneIdentityProvider(c.ctx, c.env, id).Execute()
	c.ok("identity providers", "read one", resp, err)
	c.all("identity providers", "read all", a.ReadAllIdentityProviders(c.ctx, c.env).Execute())
	oidc.SetDescription("updated")
	_, resp, err = a.UpdateIdentityProvider(c.ctx, c.env, id).IdentityProvider(mgmt.IdentityProvider{IdentityProviderOIDC: oidc}).Execute()
	c.ok("identity providers", "update", resp, err)
	attrs := c.api.IdentityProviderAttributesApi
	attr, resp, err := attrs.CreateIdentityProviderAttribute(c.ctx, c.env, id).IdentityProviderAttribute(
		*mgmt.NewIdentityProviderAttribute("title", "${providerAttributes.title}", mgmt.ENUMIDENTITYPROVIDERATTRIBUTEMAPPINGUPDATE_ALWAYS)).Execute()
	c.ok("identity providers", "attribute create", resp, err)
	all := c.all("identity providers", "attributes", attrs.ReadAllIdentityProviderAttributes(c.ctx, c.env, id).Execute())
	for _, x := range all.GetAttributes() {
		if x.IdentityProviderAttribute == nil {
			c.t.Errorf("identity providers: an attribute decodes as %T, not IdentityProviderAttribute", x.GetActualInstance())
		}
	}
	if attr != nil {
		_, resp, err = attrs.ReadOneIdentityProviderAttribute(c.ctx, c.env, id, attr.GetId()).Execute()
		c.ok("identity providers", "attribute", resp, err)
	}
	resp, err = a.DeleteIdentityProvider(c.ctx, c.env, id).Execute()
	c.ok("identity providers", "delete", resp, err)
}

func (c *contract) gateways() {
	a := c.api.GatewaysApi
	gw := mgmt.NewGateway("Federation", mgmt.ENUMGATEWAYTYPE_PING_FEDERATE, true)
	created, resp, err := a.CreateGateway(c.ctx, c.env).CreateGatewayRequest(mgmt.CreateGatewayRequest{Gateway: gw}).Execute()
	c.ok("gateways", "create", resp, err)
	if created == nil || created.Gateway == nil {
		c.t.Errorf("gateways: a PING_FEDERATE gateway does not decode as Gateway: %+v", created)
		return
	}
	id := created.Gateway.GetId()
	_, resp, err = a.ReadOneGateway(c.ctx, c.env, id).Execute()
	c.ok("gateways", "read one", resp, err)
	c.all("gateways", "read all", a.ReadAllGateways(c.ctx, c.env).Execute())
	cred, resp, err := c.api.GatewayCredentialsApi.CreateGatewayCredential(c.ctx, c.env, id).Execute()
	c.ok("gateways", "credential create", resp, err)
	c.all("gateways", "credentials", c.api.GatewayCredentialsApi.ReadAllGatewayCredentials(c.ctx, c.env, id).Execute())
	if cred != nil {
		_, resp, err = c.api.GatewayCredentialsApi.ReadOneGatewayCredential(c.ctx, c.env, id, cred.GetId()).Execute()
		c.ok("gateways", "credential", resp, err)
	}
	resp, err = a.DeleteGateway(c.ctx, c.env, id).Execute()
	c.ok("gateways", "delete", resp, err)
}

func (c *contract) keys() {
	a := c.api.CertificateManagementApi
	cert := mgmt.NewCertificate(mgmt.ENUMCERTIFICATEKEYALGORITHM_RSA, 2048, "Signing", mgmt.ENUMCERTIFICATEKEYSIGNAGUREALGORITHM_SHA256WITH_RSA,
		"CN=Signing, O=Example", mgmt.ENUMCERTIFICATEKEYUSAGETYPE_SIGNING, 365)
	key, resp, err := a.CreateKey(c.ctx, c.env).ContentType("application/json").Certificate(*cert).Execute()
	c.ok("keys", "create", resp, err)
	c.got("keys", "read all")(a.GetKeys(c.ctx, c.env).Execute())
	if key != nil {
		_, resp, err = a.GetKey(c.ctx, c.env, key.GetId()).Execute()
		c.ok("keys", "read one", resp, err)
		_, resp, err = a.ExportCSR(c.ctx, c.env, key.GetId()).Execute()
		c.ok("keys", "CSR", resp, err)
	}
	c.got("keys", "certificates")(a.GetCertificates(c.ctx, c.env).Execute())
	k := c.api.KeyRotationPoliciesApi
	krp, resp, err := k.CreateKeyRotationPolicy(c.ctx, c.env).KeyRotationPolicy(*mgmt.NewKeyRotationPolicy(mgmt.ENUMKEYROTATIONPOLICYALGORITHM_RSA,
		"CN=Rotating, O=Example", 2048, "Rotating", mgmt.ENUMKEYROTATIONPOLICYSIGALGORITHM_SHA256WITH_RSA, mgmt.ENUMKEYROTATIONPOLICYUSAGETYPE_SIGNING)).Execute()
	c.ok("keys", "rotation policy create", resp, err)
	c.all("keys", "rotation policies", k.GetKeyRotationPolicies(c.ctx, c.env).Execute())
	if krp != nil {
		_, resp, err = k.GetKeyRotationPolicy(c.ctx, c.env, krp.GetId()).Execute()
		c.ok("keys", "rotation policy", resp, err)
	}
}

func (c *contract) notifications() {
	a := c.api.NotificationsTemplatesApi
	c.all("notifications", "templates", a.ReadAllTemplates(c.ctx, c.env).Execute())
	_, resp, err := a.ReadOneTemplate(c.ctx, c.env, mgmt.ENUMTEMPLATENAME_GENERAL).Execute()
	c.ok("notifications", "template", resp, err)
	email := mgmt.NewTemplateContentEmail("en", mgmt.ENUMTEMPLATECONTENTDELIVERYMETHOD_EMAIL, "Hello ${user.username}")
	email.SetSubject("Hello")
	content, resp, err := a.CreateContent(c.ctx, c.env, mgmt.ENUMTEMPLATENAME_GENERAL).TemplateContent(mgmt.TemplateContent{TemplateContentEmail: email}).Execute()
	c.ok("notifications", "content create", resp, err)
	c.all("notifications", "contents", a.ReadAllTemplateContents(c.ctx, c.env, mgmt.ENUMTEMPLATENAME_GENERAL).Execute())
	if content != nil && content.TemplateContentEmail != nil {
		_, resp, err = a.ReadOneContent(c.ctx, c.env, mgmt.ENUMTEMPLATENAME_GENERAL, content.TemplateContentEmail.GetId()).Execute()
		c.ok("notifications", "content", resp, err)
	}
	_, resp, err = c.api.NotificationsSettingsApi.ReadNotificationsSettings(c.ctx, c.env).Execute()
	c.ok("notifications", "settings", resp, err)
	settings := mgmt.NewNotificationsSettings()
	settings.SetReplyTo(mgmt.NotificationsSettingsReplyTo{Address: mgmt.PtrString("noreply@example.com"), Name: mgmt.PtrString("Example")})
	_, resp, err = c.api.NotificationsSettingsApi.UpdateNotificationsSettings(c.ctx, c.env).NotificationsSettings(*settings).Execute()
	c.ok("notifications", "settings update", resp, err)
	p := c.api.NotificationsPoliciesApi
	quota := mgmt.NewNotificationsPolicyQuotasInner(mgmt.ENUMNOTIFICATIONSPOLICYQUOTAITEMTYPE_USER,
		[]mgmt.EnumNotificationsPolicyQuotaDeliveryMethods{mgmt.ENUMNOTIFICATIONSPOLICYQUOTADELIVERYMETHODS_SMS})
	quota.SetTotal(50)
	pol, resp, err := p.CreateNotificationsPolicy(c.ctx, c.env).NotificationsPolicy(*mgmt.NewNotificationsPolicy("Quota", []mgmt.NotificationsPolicyQuotasInner{*quota})).Execute()
	c.ok("notifications", "policy create", resp, err)
	c.all("notifications", "policies", p.ReadAllNotificationsPolicies(c.ctx, c.env).Execute())
	if pol != nil {
		_, resp, err = p.ReadOneNotificationsPolicy(c.ctx, c.env, pol.GetId()).Execute()
		c.ok("notifications", "policy", resp, err)
	}
}

func (c *contract) propagation() {
	a := c.api.PropagationStoresApi
	store, resp, err := a.CreatePropagationStore(c.ctx, c.env).PropagationStore(*mgmt.NewPropagationStore(map[string]any{
		"SCIM_URL": "https://scim.example.com/scim/v2", "AUTHENTICATION_METHOD": "OAuth 2 Bearer Token", "OAUTH_ACCESS_TOKEN": "t0ken",
	}, "Directory", mgmt.ENUMPROPAGATIONSTORETYPE_SCIM)).Execute()
	c.ok("propagation", "store create", resp, err)
	c.all("propagation", "stores", a.ReadAllStores(c.ctx, c.env).Execute())
	if store != nil {
		_, resp, err = a.ReadOnePropagationStore(c.ctx, c.env, store.GetId()).Execute()
		c.ok("propagation", "store", resp, err)
	}
	pl := c.api.IdentityPropagationPlansApi
	plan, resp, err := pl.CreatePlan(c.ctx, c.env).IdentityPropagationPlan(*mgmt.NewIdentityPropagationPlan("Nightly")).Execute()
	c.ok("propagation", "plan create", resp, err)
	c.all("propagation", "plans", pl.ReadAllPlans(c.ctx, c.env).Execute())
	if plan != nil {
		_, resp, err = pl.ReadOnePlan(c.ctx, c.env, plan.GetId()).Execute()
		c.ok("propagation", "plan", resp, err)
	}
	resp, err = c.api.PropagationRevisionsApi.EnvironmentsEnvironmentIDPropagationRevisionsPost(c.ctx, c.env).Execute()
	c.ok("propagation", "revision create", resp, err)
	resp, err = c.api.PropagationRevisionsApi.EnvironmentsEnvironmentIDPropagationRevisionsIdlatestGet(c.ctx, c.env).Execute()
	c.ok("propagation", "latest revision", resp, err)
}

func (c *contract) agreements() {
	a := c.api.AgreementsResourcesApi
	ag, resp, err := a.CreateAgreement(c.ctx, c.env).Agreement(*mgmt.NewAgreement(false, "Terms")).Execute()
	c.ok("agreements", "create", resp, err)
	c.all("agreements", "read all", a.ReadAllAgreements(c.ctx, c.env).Execute())
	if ag == nil {
		return
	}
	_, resp, err = a.ReadOneAgreement(c.ctx, c.env, ag.GetId()).Execute()
	c.ok("agreements", "read one", resp, err)
	l := c.api.AgreementLanguagesResourcesApi
	lang, resp, err := l.CreateAgreementLanguage(c.ctx, c.env, ag.GetId()).AgreementLanguage(*mgmt.NewAgreementLanguage("Terms", false, "en")).Execute()
	c.ok("agreements", "language create", resp, err)
	c.all("agreements", "languages", l.ReadAllAgreementLanguages(c.ctx, c.env, ag.GetId()).Execute())
	if lang == nil {
		return
	}
	rv := c.api.AgreementRevisionsResourcesApi
	_, resp, err = rv.CreateAgreementLanguageRevision(c.ctx, c.env, ag.GetId(), lang.GetId()).AgreementLanguageRevision(
		*mgmt.NewAgreementLanguageRevision(mgmt.ENUMAGREEMENTREVISIONCONTENTTYPE_HTML, time.Now().Add(time.Hour), false, "<p>Be nice.</p>")).Execute()
	c.ok("agreements", "revision create", resp, err)
	c.all("agreements", "revisions", rv.ReadAllAgreementLanguageRevisions(c.ctx, c.env, ag.GetId(), lang.GetId()).Execute())
}

// platform covers the read-only areas: roles, flow policies, activities.
func (c *contract) platform() {
	c.all("platform", "roles", c.api.RolesApi.ReadAllRoles(c.ctx).Execute())
	c.all("platform", "flow policies", c.api.FlowPoliciesApi.ReadAllFlowPolicies(c.ctx, c.env).Execute())
	resp, err := c.api.AuditActivitiesApi.EnvironmentsEnvironmentIDActivitiesGet(c.ctx, c.env).Filter(`recordedat gt "2020-01-01T00:00:00Z"`).Execute()
	c.ok("platform", "activities", resp, err)
}

// imagesAndIntegrations covers the binary areas: an image upload (the SDK
// sends the bytes with their media type) and the integration catalog.
func (c *contract) imagesAndIntegrations() {
	png, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pingone", "user-image.png"))
	require.NoError(c.t, err)
	img, resp, err := c.api.ImagesApi.CreateImage(c.ctx, c.env).ContentType("image/png").
		ContentDisposition(`attachment; filename="user-image.png"`).File(&png).Execute()
	c.ok("images", "create", resp, err)
	if img != nil {
		_, resp, err = c.api.ImagesApi.ReadImage(c.ctx, c.env, img.GetId()).Execute()
		c.ok("images", "read", resp, err)
	}
	all := c.all("integrations", "catalog", c.api.IntegrationCatalogApi.ReadAllIntegrationMetadata(c.ctx, c.env).Execute())
	if list := all.GetIntegrations(); len(list) > 0 {
		id := list[0].GetId()
		c.got("integrations", "one")(c.api.IntegrationCatalogApi.ReadOneIntegrationMetadata(c.ctx, c.env, id).Execute())
		c.all("integrations", "versions", c.api.IntegrationCatalogApi.ReadIntegrationVersionMetadata(c.ctx, c.env, id).Execute())
	} else {
		c.t.Error("integrations: the catalog is empty")
	}
}
