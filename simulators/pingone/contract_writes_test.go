package pingone_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"time"

	mgmt "github.com/patrickcping/pingone-go-sdk-v2/management"
	"github.com/stretchr/testify/require"
)

// writes drives the update, delete and sub-resource routes of the
// management areas on resources of their own, so each area's reads above
// stay independent of them.
func (c *contract) writes(userID string) {
	roleID := c.platformRole("Identity Data Admin")
	c.got("platform", "role")(c.api.RolesApi.ReadOneRole(c.ctx, roleID).Execute())
	scope := *mgmt.NewRoleAssignmentScope(c.env, mgmt.ENUMROLEASSIGNMENTSCOPETYPE_ENVIRONMENT)
	role := *mgmt.NewRoleAssignment(*mgmt.NewRoleAssignmentRole(roleID), scope)

	// users: role assignments, sub-resources, group membership
	ura := c.api.UserRoleAssignmentsApi
	ra, resp, err := ura.CreateUserRoleAssignment(c.ctx, c.env, userID).RoleAssignment(role).Execute()
	c.ok("users", "role assignment create", resp, err)
	if ra != nil {
		c.got("users", "role assignment")(ura.ReadOneUserRoleAssignment(c.ctx, c.env, userID, ra.GetId()).Execute())
		c.raw("users", "role assignment delete")(ura.DeleteUserRoleAssignment(c.ctx, c.env, userID, ra.GetId()).Execute())
	}
	c.raw("users", "verify status (PUT)")(c.api.UsersApi.EnvironmentsEnvironmentIDUsersUserIDVerifyStatusPut(c.ctx, c.env, userID).
		Body(map[string]any{"verifyStatus": "ENABLED"}).Execute())
	c.raw("users", "identity provider (PUT)")(c.api.UsersApi.EnvironmentsEnvironmentIDUsersUserIDIdentityProviderPut(c.ctx, c.env, userID).
		Body(map[string]any{"identityProvider": map[string]any{"id": nil}}).Execute())
	g, resp, err := c.api.GroupsApi.CreateGroup(c.ctx, c.env).Group(*mgmt.NewGroup("Writers")).Execute()
	c.ok("groups", "create", resp, err)
	if g == nil {
		return
	}
	_, resp, err = c.api.GroupMembershipApi.AddUserToGroup(c.ctx, c.env, userID).GroupMembership(*mgmt.NewGroupMembership(g.GetId())).Execute()
	c.ok("groups", "add member", resp, err)
	c.got("groups", "membership")(c.api.GroupMembershipApi.ReadOneGroupMembershipForUser(c.ctx, c.env, userID, g.GetId()).Execute())
	gra := c.api.GroupRoleAssignmentsApi
	gr, resp, err := gra.CreateGroupRoleAssignment(c.ctx, c.env, g.GetId()).RoleAssignment(role).Execute()
	c.ok("groups", "role assignment create", resp, err)
	if gr != nil {
		c.got("groups", "role assignment")(gra.ReadOneGroupRoleAssignment(c.ctx, c.env, g.GetId(), gr.GetId()).Execute())
		c.raw("groups", "role assignment delete")(gra.DeleteGroupRoleAssignment(c.ctx, c.env, g.GetId(), gr.GetId()).Execute())
	}
	c.appWrites(role)
	c.resourceWrites()
	c.configWrites()
	c.keyWrites()
	c.moreWrites(userID)
	c.variants()
	c.refusals()
}

// appWrites drives an application's sub-collections: attribute mappings,
// grants, role assignments, sign-on and flow policy assignments.
func (c *contract) appWrites(role mgmt.RoleAssignment) {
	oidc := mgmt.NewApplicationOIDC(true, "Writer", mgmt.ENUMAPPLICATIONPROTOCOL_OPENID_CONNECT, mgmt.ENUMAPPLICATIONTYPE_WORKER,
		[]mgmt.EnumApplicationOIDCGrantType{mgmt.ENUMAPPLICATIONOIDCGRANTTYPE_CLIENT_CREDENTIALS}, mgmt.ENUMAPPLICATIONOIDCTOKENAUTHMETHOD_CLIENT_SECRET_BASIC)
	app, resp, err := c.api.ApplicationsApi.CreateApplication(c.ctx, c.env).CreateApplicationRequest(mgmt.CreateApplicationRequest{ApplicationOIDC: oidc}).Execute()
	c.ok("applications", "create", resp, err)
	require.NotNil(c.t, app)
	id := app.ApplicationOIDC.GetId()

	m := c.api.ApplicationAttributeMappingApi
	attr, resp, err := m.CreateApplicationAttributeMapping(c.ctx, c.env, id).ApplicationAttributeMapping(*mgmt.NewApplicationAttributeMapping("dept", false, "${user.title}")).Execute()
	c.ok("applications", "attribute mapping create", resp, err)
	if attr != nil {
		c.got("applications", "attribute mapping update")(m.UpdateApplicationAttributeMapping(c.ctx, c.env, id, attr.GetId()).
			ApplicationAttributeMapping(*mgmt.NewApplicationAttributeMapping("dept", true, "${user.title}")).Execute())
		c.raw("applications", "attribute mapping delete")(m.DeleteApplicationAttributeMapping(c.ctx, c.env, id, attr.GetId()).Execute())
	}

	ras := c.api.ApplicationRoleAssignmentsApi
	ra, resp, err := ras.CreateApplicationRoleAssignment(c.ctx, c.env, id).RoleAssignment(role).Execute()
	c.ok("applications", "role assignment create", resp, err)
	if ra != nil {
		c.got("applications", "role assignment")(ras.ReadOneApplicationRoleAssignment(c.ctx, c.env, id, ra.GetId()).Execute())
		c.raw("applications", "role assignment delete")(ras.DeleteApplicationRoleAssignment(c.ctx, c.env, id, ra.GetId()).Execute())
	}

	res, resp, err := c.api.ResourcesApi.CreateResource(c.ctx, c.env).Resource(*mgmt.NewResource("Ledger")).Execute()
	c.ok("resources", "create", resp, err)
	require.NotNil(c.t, res)
	sc, resp, err := c.api.ResourceScopesApi.CreateResourceScope(c.ctx, c.env, res.GetId()).ResourceScope(*mgmt.NewResourceScope("ledger:read")).Execute()
	c.ok("resources", "scope create", resp, err)
	require.NotNil(c.t, sc)
	gs := c.api.ApplicationResourceGrantsApi
	grant, resp, err := gs.CreateApplicationGrant(c.ctx, c.env, id).ApplicationResourceGrant(*mgmt.NewApplicationResourceGrant(
		*mgmt.NewApplicationResourceGrantResource(res.GetId()), []mgmt.ApplicationResourceGrantScopesInner{*mgmt.NewApplicationResourceGrantScopesInner(sc.GetId())})).Execute()
	c.ok("applications", "grant create", resp, err)
	if grant != nil {
		c.got("applications", "grant")(gs.ReadOneApplicationGrant(c.ctx, c.env, id, grant.GetId()).Execute())
		c.raw("applications", "grant delete")(gs.DeleteApplicationGrant(c.ctx, c.env, id, grant.GetId()).Execute())
	}

	pol, resp, err := c.api.SignOnPoliciesApi.CreateSignOnPolicy(c.ctx, c.env).SignOnPolicy(*mgmt.NewSignOnPolicy("Writer_policy")).Execute()
	c.ok("sign-on policies", "create", resp, err)
	require.NotNil(c.t, pol)
	upd := mgmt.NewSignOnPolicy("Writer_policy")
	upd.SetDescription("updated")
	c.got("sign-on policies", "update")(c.api.SignOnPoliciesApi.UpdateSignOnPolicy(c.ctx, c.env, pol.GetId()).SignOnPolicy(*upd).Execute())
	acts := c.api.SignOnPolicyActionsApi
	act, resp, err := acts.CreateSignOnPolicyAction(c.ctx, c.env, pol.GetId()).SignOnPolicyAction(mgmt.SignOnPolicyAction{
		SignOnPolicyActionLogin: mgmt.NewSignOnPolicyActionLogin(1, mgmt.ENUMSIGNONPOLICYTYPE_LOGIN)}).Execute()
	c.ok("sign-on policies", "action create", resp, err)
	if act != nil && act.SignOnPolicyActionLogin != nil {
		c.got("sign-on policies", "action update")(acts.UpdateSignOnPolicyAction(c.ctx, c.env, pol.GetId(), act.SignOnPolicyActionLogin.GetId()).
			SignOnPolicyAction(mgmt.SignOnPolicyAction{SignOnPolicyActionLogin: mgmt.NewSignOnPolicyActionLogin(1, mgmt.ENUMSIGNONPOLICYTYPE_LOGIN)}).Execute())
	}
	sops := c.api.ApplicationSignOnPolicyAssignmentsApi
	sop, resp, err := sops.CreateSignOnPolicyAssignment(c.ctx, c.env, id).SignOnPolicyAssignment(*mgmt.NewSignOnPolicyAssignment(1,
		*mgmt.NewSignOnPolicyActionCommonSignOnPolicy(pol.GetId()))).Execute()
	c.ok("applications", "sign-on policy assignment create", resp, err)
	if sop != nil {
		c.got("applications", "sign-on policy assignment")(sops.ReadOneSignOnPolicyAssignment(c.ctx, c.env, id, sop.GetId()).Execute())
	}

	// DaVinci: the bill of materials gains the product, whose default
	// flow policy an application can then be assigned.
	bom, resp, err := c.api.BillOfMaterialsBOMApi.ReadOneBillOfMaterials(c.ctx, c.env).Execute()
	c.ok("environments", "bill of materials", resp, err)
	require.NotNil(c.t, bom)
	bom.SetProducts(append(bom.GetProducts(), *mgmt.NewBillOfMaterialsProductsInner(mgmt.ENUMPRODUCTTYPE_ONE_DAVINCI)))
	c.got("environments", "bill of materials update")(c.api.BillOfMaterialsBOMApi.UpdateBillOfMaterials(c.ctx, c.env).BillOfMaterials(*bom).Execute())
	flows := c.all("platform", "flow policies", c.api.FlowPoliciesApi.ReadAllFlowPolicies(c.ctx, c.env).Execute())
	if len(flows.GetFlowPolicies()) == 0 {
		c.t.Error("platform: a DaVinci environment has no flow policy")
		return
	}
	fpID := flows.GetFlowPolicies()[0].GetId()
	c.got("platform", "flow policy")(c.api.FlowPoliciesApi.ReadOneFlowPolicy(c.ctx, c.env, fpID).Execute())
	fpa := c.api.ApplicationFlowPolicyAssignmentsApi
	c.all("applications", "flow policy assignments", fpa.ReadAllFlowPolicyAssignments(c.ctx, c.env, id).Execute())
	as, resp, err := fpa.CreateFlowPolicyAssignment(c.ctx, c.env, id).FlowPolicyAssignment(*mgmt.NewFlowPolicyAssignment(*mgmt.NewFlowPolicyAssignmentFlowPolicy(fpID), 1)).Execute()
	c.ok("applications", "flow policy assignment create", resp, err)
	if as != nil {
		c.got("applications", "flow policy assignment")(fpa.ReadOneFlowPolicyAssignment(c.ctx, c.env, id, as.GetId()).Execute())
		c.got("applications", "flow policy assignment update")(fpa.UpdateFlowPolicyAssignment(c.ctx, c.env, id, as.GetId()).
			FlowPolicyAssignment(*mgmt.NewFlowPolicyAssignment(*mgmt.NewFlowPolicyAssignmentFlowPolicy(fpID), 2)).Execute())
		c.raw("applications", "flow policy assignment delete")(fpa.DeleteFlowPolicyAssignment(c.ctx, c.env, id, as.GetId()).Execute())
	}
}

// resourceWrites drives a resource's secret rotation and attribute items.
func (c *contract) resourceWrites() {
	res, resp, err := c.api.ResourcesApi.CreateResource(c.ctx, c.env).Resource(*mgmt.NewResource("Payroll")).Execute()
	c.ok("resources", "create", resp, err)
	require.NotNil(c.t, res)
	id := res.GetId()
	c.got("resources", "secret rotate")(c.api.ResourceClientSecretApi.UpdateResourceSecret(c.ctx, c.env, id).Execute())
	ra := c.api.ResourceAttributesApi
	attr, resp, err := ra.CreateResourceAttribute(c.ctx, c.env, id).ResourceAttribute(*mgmt.NewResourceAttribute("dept", "${user.title}")).Execute()
	c.ok("resources", "attribute create", resp, err)
	if attr != nil {
		c.got("resources", "attribute")(ra.ReadOneResourceAttribute(c.ctx, c.env, id, attr.GetId()).Execute())
		c.got("resources", "attribute update")(ra.UpdateResourceAttribute(c.ctx, c.env, id, attr.GetId()).ResourceAttribute(*mgmt.NewResourceAttribute("dept", "${user.nickname}")).Execute())
		c.raw("resources", "attribute delete")(ra.DeleteResourceAttribute(c.ctx, c.env, id, attr.GetId()).Execute())
	}
}

// configWrites drives the updates and deletes of the configuration areas.
func (c *contract) configWrites() {
	l, resp, err := c.api.LanguagesApi.CreateLanguage(c.ctx, c.env).Language(*mgmt.NewLanguage(false, false, "eu")).Execute()
	c.ok("languages", "create", resp, err)
	if l != nil {
		c.got("languages", "update")(c.api.LanguagesApi.UpdateLanguage(c.ctx, c.env, l.GetId()).Language(*mgmt.NewLanguage(false, true, "eu")).Execute())
		c.raw("languages", "delete")(c.api.LanguagesApi.DeleteLanguage(c.ctx, c.env, l.GetId()).Execute())
	}
	pp := c.api.PasswordPoliciesApi
	p, resp, err := pp.CreatePasswordPolicy(c.ctx, c.env).PasswordPolicy(*mgmt.NewPasswordPolicy(true, true, "Writer", true)).Execute()
	c.ok("password policies", "create", resp, err)
	if p != nil {
		c.got("password policies", "update")(pp.UpdatePasswordPolicy(c.ctx, c.env, p.GetId()).PasswordPolicy(*mgmt.NewPasswordPolicy(true, false, "Writer", true)).Execute())
		c.raw("password policies", "delete")(pp.DeletePasswordPolicy(c.ctx, c.env, p.GetId()).Execute())
	}
	np := c.api.NotificationsPoliciesApi
	quota := mgmt.NewNotificationsPolicyQuotasInner(mgmt.ENUMNOTIFICATIONSPOLICYQUOTAITEMTYPE_USER,
		[]mgmt.EnumNotificationsPolicyQuotaDeliveryMethods{mgmt.ENUMNOTIFICATIONSPOLICYQUOTADELIVERYMETHODS_SMS})
	quota.SetTotal(20)
	pol, resp, err := np.CreateNotificationsPolicy(c.ctx, c.env).NotificationsPolicy(*mgmt.NewNotificationsPolicy("Writer", []mgmt.NotificationsPolicyQuotasInner{*quota})).Execute()
	c.ok("notifications", "policy create", resp, err)
	if pol != nil {
		c.got("notifications", "policy update")(np.UpdateNotificationsPolicy(c.ctx, c.env, pol.GetId()).NotificationsPolicy(*mgmt.NewNotificationsPolicy("Writer 2", []mgmt.NotificationsPolicyQuotasInner{*quota})).Execute())
		c.raw("notifications", "policy delete")(np.DeleteNotificationsPolicy(c.ctx, c.env, pol.GetId()).Execute())
	}
	c.got("notifications", "settings reset")(c.api.NotificationsSettingsApi.DeleteNotificationsSettings(c.ctx, c.env).Execute())
	nt := c.api.NotificationsTemplatesApi
	email := mgmt.NewTemplateContentEmail("fr", mgmt.ENUMTEMPLATECONTENTDELIVERYMETHOD_EMAIL, "Bonjour ${user.username}")
	email.SetSubject("Bonjour")
	content, resp, err := nt.CreateContent(c.ctx, c.env, mgmt.ENUMTEMPLATENAME_GENERAL).TemplateContent(mgmt.TemplateContent{TemplateContentEmail: email}).Execute()
	c.ok("notifications", "content create", resp, err)
	if content != nil && content.TemplateContentEmail != nil {
		cid := content.TemplateContentEmail.GetId()
		email.SetSubject("Salut")
		c.got("notifications", "content update")(nt.UpdateContent(c.ctx, c.env, mgmt.ENUMTEMPLATENAME_GENERAL, cid).TemplateContent(mgmt.TemplateContent{TemplateContentEmail: email}).Execute())
		c.raw("notifications", "content delete")(nt.DeleteContent(c.ctx, c.env, mgmt.ENUMTEMPLATENAME_GENERAL, cid).Execute())
	}
	gw, resp, err := c.api.GatewaysApi.CreateGateway(c.ctx, c.env).CreateGatewayRequest(mgmt.CreateGatewayRequest{Gateway: mgmt.NewGateway("Writer", mgmt.ENUMGATEWAYTYPE_PING_FEDERATE, true)}).Execute()
	c.ok("gateways", "create", resp, err)
	if gw != nil && gw.Gateway != nil {
		gid := gw.Gateway.GetId()
		c.got("gateways", "update")(c.api.GatewaysApi.UpdateGateway(c.ctx, c.env, gid).CreateGatewayRequest(mgmt.CreateGatewayRequest{Gateway: mgmt.NewGateway("Writer", mgmt.ENUMGATEWAYTYPE_PING_FEDERATE, false)}).Execute())
		cred, resp, err := c.api.GatewayCredentialsApi.CreateGatewayCredential(c.ctx, c.env, gid).Execute()
		c.ok("gateways", "credential create", resp, err)
		if cred != nil {
			c.raw("gateways", "credential delete")(c.api.GatewayCredentialsApi.DeleteGatewayCredential(c.ctx, c.env, gid, cred.GetId()).Execute())
		}
	}
}

// keyWrites drives key updates and deletes, key rotation policies and
// uploaded certificates.
func (c *contract) keyWrites() {
	a := c.api.CertificateManagementApi
	key, resp, err := a.CreateKey(c.ctx, c.env).ContentType("application/json").Certificate(*mgmt.NewCertificate(mgmt.ENUMCERTIFICATEKEYALGORITHM_RSA, 2048,
		"Encrypting", mgmt.ENUMCERTIFICATEKEYSIGNAGUREALGORITHM_SHA256WITH_RSA, "CN=Encrypting", mgmt.ENUMCERTIFICATEKEYUSAGETYPE_ENCRYPTION, 365)).Execute()
	c.ok("keys", "create", resp, err)
	if key != nil {
		c.got("keys", "update")(a.UpdateKey(c.ctx, c.env, key.GetId()).CertificateKeyUpdate(*mgmt.NewCertificateKeyUpdate(false, mgmt.ENUMCERTIFICATEKEYUSAGETYPE_ENCRYPTION)).Execute())
		c.raw("keys", "delete")(a.DeleteKey(c.ctx, c.env, key.GetId()).Execute())
	}
	k := c.api.KeyRotationPoliciesApi
	krp, resp, err := k.CreateKeyRotationPolicy(c.ctx, c.env).KeyRotationPolicy(*mgmt.NewKeyRotationPolicy(mgmt.ENUMKEYROTATIONPOLICYALGORITHM_RSA,
		"CN=Writer", 2048, "Writer", mgmt.ENUMKEYROTATIONPOLICYSIGALGORITHM_SHA256WITH_RSA, mgmt.ENUMKEYROTATIONPOLICYUSAGETYPE_SIGNING)).Execute()
	c.ok("keys", "rotation policy create", resp, err)
	if krp != nil {
		c.got("keys", "rotation policy update")(k.UpdateKeyRotationPolicy(c.ctx, c.env, krp.GetId()).KeyRotationPolicy(*mgmt.NewKeyRotationPolicy(mgmt.ENUMKEYROTATIONPOLICYALGORITHM_RSA,
			"CN=Writer", 4096, "Writer", mgmt.ENUMKEYROTATIONPOLICYSIGALGORITHM_SHA256WITH_RSA, mgmt.ENUMKEYROTATIONPOLICYUSAGETYPE_SIGNING)).Execute())
		c.raw("keys", "rotation policy delete")(k.DeleteKeyRotationPolicy(c.ctx, c.env, krp.GetId()).Execute())
	}
	pemCert := selfSigned(c)
	cert, resp, err := a.CreateCertificateFromFile(c.ctx, c.env).UsageType("SIGNING").File(&pemCert).Execute()
	c.ok("keys", "certificate upload", resp, err)
	if cert != nil {
		c.got("keys", "certificate")(a.GetCertificate(c.ctx, c.env, cert.GetId()).Execute())
		c.raw("keys", "certificate delete")(a.DeleteCertificate(c.ctx, c.env, cert.GetId()).Execute())
	}
}

// selfSigned is a PEM certificate for the upload.
func selfSigned(c *contract) []byte {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(c.t, err)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "Upload"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(c.t, err)
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

// platformRole is the id of one of PingOne's built-in roles.
func (c *contract) platformRole(name string) string {
	roles := c.all("platform", "roles", c.api.RolesApi.ReadAllRoles(c.ctx).Execute())
	for _, r := range roles.GetRoles() {
		if r.Role != nil && r.Role.GetName() == mgmt.EnumRoleName(name) {
			return r.Role.GetId()
		}
	}
	c.t.Fatalf("no built-in role %q", name)
	return ""
}

// moreWrites drives the rest: audit activities, agreement languages and
// revisions, identity provider attributes, images, the integration kit
// download, identity propagation and a user's sessions.
func (c *contract) moreWrites(userID string) {
	resp, err := c.api.AuditActivitiesApi.EnvironmentsEnvironmentIDActivitiesPost(c.ctx, c.env).
		Body(map[string]any{"filter": `recordedat gt "2020-01-01T00:00:00Z"`, "limit": "5"}).Execute()
	c.ok("platform", "activities (POST)", resp, err)
	if id := firstEmbeddedID(c, resp, "activities"); id != "" {
		c.raw("platform", "activity")(c.api.AuditActivitiesApi.EnvironmentsEnvironmentIDActivitiesActivityIDGet(c.ctx, c.env, id).Execute())
	}

	ag := c.api.AgreementsResourcesApi
	a, resp, err := ag.CreateAgreement(c.ctx, c.env).Agreement(*mgmt.NewAgreement(false, "Privacy")).Execute()
	c.ok("agreements", "create", resp, err)
	require.NotNil(c.t, a)
	upd := mgmt.NewAgreement(false, "Privacy")
	upd.SetDescription("updated")
	c.got("agreements", "update")(ag.UpdateAgreement(c.ctx, c.env, a.GetId()).Agreement(*upd).Execute())
	al := c.api.AgreementLanguagesResourcesApi
	lang, resp, err := al.CreateAgreementLanguage(c.ctx, c.env, a.GetId()).AgreementLanguage(*mgmt.NewAgreementLanguage("Privacy", false, "en")).Execute()
	c.ok("agreements", "language create", resp, err)
	require.NotNil(c.t, lang)
	c.got("agreements", "language")(al.ReadOneAgreementLanguage(c.ctx, c.env, a.GetId(), lang.GetId()).Execute())
	rv := c.api.AgreementRevisionsResourcesApi
	rev, resp, err := rv.CreateAgreementLanguageRevision(c.ctx, c.env, a.GetId(), lang.GetId()).AgreementLanguageRevision(
		*mgmt.NewAgreementLanguageRevision(mgmt.ENUMAGREEMENTREVISIONCONTENTTYPE_PLAIN, time.Now().Add(-time.Minute), false, "Be kind.")).Execute()
	c.ok("agreements", "revision create", resp, err)
	if rev != nil {
		c.got("agreements", "revision")(rv.ReadOneAgreementLanguageRevision(c.ctx, c.env, a.GetId(), lang.GetId(), rev.GetId()).Execute())
	}
	c.got("agreements", "language update")(al.UpdateAgreementLanguage(c.ctx, c.env, a.GetId(), lang.GetId()).AgreementLanguage(*mgmt.NewAgreementLanguage("Privacy", true, "en")).Execute())

	c.idpAttributeWrites()
	png, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pingone", "user-image.png"))
	require.NoError(c.t, err)
	img, resp, err := c.api.ImagesApi.CreateImage(c.ctx, c.env).ContentType("image/png").ContentDisposition(`attachment; filename="x.png"`).File(&png).Execute()
	c.ok("images", "create", resp, err)
	if img != nil {
		c.raw("images", "delete")(c.api.ImagesApi.DeleteImage(c.ctx, c.env, img.GetId()).Execute())
	}
	ic := c.api.IntegrationCatalogApi
	all := c.all("integrations", "catalog", ic.ReadAllIntegrationMetadata(c.ctx, c.env).Execute())
	if list := all.GetIntegrations(); len(list) > 0 {
		id := list[0].GetId()
		versions := c.all("integrations", "versions", ic.ReadIntegrationVersionMetadata(c.ctx, c.env, id).Execute())
		if vs := versions.GetVersions(); len(vs) > 0 && vs[0].IntegrationVersionIntegrationKit != nil {
			vid := vs[0].IntegrationVersionIntegrationKit.GetId()
			c.got("integrations", "version")(ic.ReadOneIntegrationVersionMetadata(c.ctx, c.env, id, vid).Execute())
			c.got("integrations", "asset")(ic.DownloadOneIntegrationVersionAsset(c.ctx, c.env, id, vid).Execute())
		} else {
			c.t.Errorf("integrations: the first version does not decode as an integration kit: %+v", vs)
		}
	}
	c.propagationWrites()
	c.sessions(userID)
}

// firstEmbeddedID reads the id of the first entry of a raw list answer.
func firstEmbeddedID(c *contract, resp *http.Response, name string) string {
	if resp == nil {
		return ""
	}
	var list struct {
		Embedded map[string][]struct{ ID string } `json:"_embedded"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil || len(list.Embedded[name]) == 0 {
		c.t.Errorf("%s: no entry in the answer (%v)", name, err)
		return ""
	}
	return list.Embedded[name][0].ID
}

func (c *contract) idpAttributeWrites() {
	oidc := mgmt.NewIdentityProviderOIDC(true, "Writer", mgmt.ENUMIDENTITYPROVIDEREXT_OPENID_CONNECT, "https://idp.example.com/authorize",
		"client", "secret", "https://idp.example.com", "https://idp.example.com/jwks", []string{"openid"}, "https://idp.example.com/token",
		mgmt.ENUMIDENTITYPROVIDEROIDCTOKENAUTHMETHOD_CLIENT_SECRET_BASIC)
	idp, resp, err := c.api.IdentityProvidersApi.CreateIdentityProvider(c.ctx, c.env).IdentityProvider(mgmt.IdentityProvider{IdentityProviderOIDC: oidc}).Execute()
	c.ok("identity providers", "create", resp, err)
	require.NotNil(c.t, idp)
	id := idp.IdentityProviderOIDC.GetId()
	attrs := c.api.IdentityProviderAttributesApi
	attr, resp, err := attrs.CreateIdentityProviderAttribute(c.ctx, c.env, id).IdentityProviderAttribute(
		*mgmt.NewIdentityProviderAttribute("nickname", "${providerAttributes.nickname}", mgmt.ENUMIDENTITYPROVIDERATTRIBUTEMAPPINGUPDATE_EMPTY_ONLY)).Execute()
	c.ok("identity providers", "attribute create", resp, err)
	if attr != nil {
		c.got("identity providers", "attribute update")(attrs.UpdateIdentityProviderAttribute(c.ctx, c.env, id, attr.GetId()).IdentityProviderAttribute(
			*mgmt.NewIdentityProviderAttribute("nickname", "${providerAttributes.nickname}", mgmt.ENUMIDENTITYPROVIDERATTRIBUTEMAPPINGUPDATE_ALWAYS)).Execute())
		c.raw("identity providers", "attribute delete")(attrs.DeleteIdentityProviderAttribute(c.ctx, c.env, id, attr.GetId()).Execute())
	}
}

// propagationWrites builds a plan with a rule and a mapping, changes each,
// then takes them apart again.
func (c *contract) propagationWrites() {
	st := c.api.PropagationStoresApi
	src, resp, err := st.CreatePropagationStore(c.ctx, c.env).PropagationStore(*mgmt.NewPropagationStore(map[string]any{
		"ENVIRONMENT_ID": c.env, "REGION": "North America"}, "Source", mgmt.ENUMPROPAGATIONSTORETYPE_PING_ONE)).Execute()
	c.ok("propagation", "store create", resp, err)
	dst, resp, err := st.CreatePropagationStore(c.ctx, c.env).PropagationStore(*mgmt.NewPropagationStore(map[string]any{
		"SCIM_URL": "https://scim.example.com/v2", "AUTHENTICATION_METHOD": "OAuth 2 Bearer Token", "OAUTH_ACCESS_TOKEN": "t0ken"}, "Target", mgmt.ENUMPROPAGATIONSTORETYPE_SCIM)).Execute()
	c.ok("propagation", "store create", resp, err)
	require.True(c.t, src != nil && dst != nil)
	dstUpd := mgmt.NewPropagationStore(map[string]any{"SCIM_URL": "https://scim2.example.com/v2", "AUTHENTICATION_METHOD": "OAuth 2 Bearer Token",
		"OAUTH_ACCESS_TOKEN": "t0ken"}, "Target", mgmt.ENUMPROPAGATIONSTORETYPE_SCIM)
	c.got("propagation", "store update")(st.UpdatePropagationStore(c.ctx, c.env, dst.GetId()).PropagationStore(*dstUpd).Execute())

	pl := c.api.IdentityPropagationPlansApi
	plans := c.all("propagation", "plans", pl.ReadAllPlans(c.ctx, c.env).Execute())
	var planID string
	if ps := plans.GetPlans(); len(ps) > 0 {
		planID = ps[0].GetId() // PingOne allows one plan per environment
	} else {
		plan, resp, err := pl.CreatePlan(c.ctx, c.env).IdentityPropagationPlan(*mgmt.NewIdentityPropagationPlan("Nightly")).Execute()
		c.ok("propagation", "plan create", resp, err)
		require.NotNil(c.t, plan)
		planID = plan.GetId()
	}
	c.got("propagation", "plan update")(pl.UpdatePlan(c.ctx, c.env, planID).IdentityPropagationPlan(*mgmt.NewIdentityPropagationPlan("Nightly run")).Execute())

	ru := c.api.PropagationRulesApi
	rule := map[string]any{"name": "Outbound", "environment": map[string]any{"id": c.env}, "plan": map[string]any{"id": planID},
		"sourceStore": map[string]any{"id": src.GetId()}, "targetStore": map[string]any{"id": dst.GetId()}, "populations": []any{}}
	resp, err = ru.EnvironmentsEnvironmentIDPropagationRulesPost(c.ctx, c.env).Body(rule).Execute()
	c.ok("propagation", "rule create", resp, err)
	ruleID := rawID(c, resp)
	c.raw("propagation", "rules")(ru.EnvironmentsEnvironmentIDPropagationRulesGet(c.ctx, c.env).Execute())
	c.raw("propagation", "plan rules")(ru.EnvironmentsEnvironmentIDPropagationPlansPlanIDRulesGet(c.ctx, c.env, planID).Execute())
	if ruleID == "" {
		return
	}
	c.raw("propagation", "rule")(ru.EnvironmentsEnvironmentIDPropagationRulesRuleIDGet(c.ctx, c.env, ruleID).Execute())
	rule["name"] = "Outbound 2"
	c.raw("propagation", "rule update")(ru.EnvironmentsEnvironmentIDPropagationRulesStoreIDPut(c.ctx, c.env, ruleID).Body(rule).Execute())

	mp := c.api.PropagationMappingsApi
	resp, err = mp.EnvironmentsEnvironmentIDPropagationRulesRuleIDMappingsPost(c.ctx, c.env, ruleID).
		Body(map[string]any{"sourceAttribute": "username", "targetAttribute": "userName", "attributeMappingType": "userAttributeMapping"}).Execute()
	c.ok("propagation", "mapping create", resp, err)
	mapID := rawID(c, resp)
	c.raw("propagation", "mappings")(mp.EnvironmentsEnvironmentIDPropagationRulesRuleIDMappingsGet(c.ctx, c.env, ruleID).Execute())
	if mapID != "" {
		c.raw("propagation", "mapping")(mp.EnvironmentsEnvironmentIDPropagationMappingsMappingIDGet(c.ctx, c.env, mapID).Execute())
		c.raw("propagation", "mapping update")(mp.EnvironmentsEnvironmentIDPropagationMappingsMappingIDPut(c.ctx, c.env, mapID).
			Body(map[string]any{"rule": map[string]any{"id": ruleID}, "sourceAttribute": "email", "targetAttribute": "userName"}).Execute())
		c.raw("propagation", "mapping delete")(mp.EnvironmentsEnvironmentIDPropagationMappingMappingIDDelete(c.ctx, c.env, mapID).Execute())
	}
	rv := c.api.PropagationRevisionsApi
	resp, err = rv.EnvironmentsEnvironmentIDPropagationRevisionsPost(c.ctx, c.env).Execute()
	c.ok("propagation", "revision create", resp, err)
	if id := rawID(c, resp); id != "" {
		c.raw("propagation", "revision")(rv.EnvironmentsEnvironmentIDPropagationRevisionsPreviousRevisionIDGet(c.ctx, c.env, id).Execute())
	}
	c.raw("propagation", "rule delete")(ru.EnvironmentsEnvironmentIDPropagationRulesRuleIDDelete(c.ctx, c.env, ruleID).Execute())
	c.raw("propagation", "store delete")(st.DeletePropagationStore(c.ctx, c.env, dst.GetId()).Execute())
	c.raw("propagation", "plan delete")(pl.DeletePlan(c.ctx, c.env, planID).Execute())
}

// rawID reads the id of a raw answer the SDK leaves undecoded.
func rawID(c *contract, resp *http.Response) string {
	if resp == nil {
		return ""
	}
	var v struct{ ID string }
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil || v.ID == "" {
		c.t.Errorf("%s %s: no id in the answer (%v)", resp.Request.Method, resp.Request.URL.Path, err)
	}
	return v.ID
}

// sessions signs the user on through the authentication host (the SDK has
// no sign-on), then reads and ends the session through the SDK.
func (c *contract) sessions(userID string) {
	oidc := mgmt.NewApplicationOIDC(true, "Portal", mgmt.ENUMAPPLICATIONPROTOCOL_OPENID_CONNECT, mgmt.ENUMAPPLICATIONTYPE_WEB_APP,
		[]mgmt.EnumApplicationOIDCGrantType{mgmt.ENUMAPPLICATIONOIDCGRANTTYPE_AUTHORIZATION_CODE}, mgmt.ENUMAPPLICATIONOIDCTOKENAUTHMETHOD_CLIENT_SECRET_BASIC)
	oidc.SetRedirectUris([]string{"https://example.com/cb"})
	oidc.SetResponseTypes([]mgmt.EnumApplicationOIDCResponseType{mgmt.ENUMAPPLICATIONOIDCRESPONSETYPE_CODE})
	app, resp, err := c.api.ApplicationsApi.CreateApplication(c.ctx, c.env).CreateApplicationRequest(mgmt.CreateApplicationRequest{ApplicationOIDC: oidc}).Execute()
	c.ok("applications", "create", resp, err)
	require.NotNil(c.t, app)
	f := &fixture{c: newClient(c.t, c.run), envID: c.env, userID: userID, appID: app.ApplicationOIDC.GetId(), redirect: "https://example.com/cb"}
	require.NotEmpty(c.t, f.login(), "the user signs on")
	s := c.api.SessionsApi
	resp, err = s.EnvironmentsEnvironmentIDUsersUserIDSessionsGet(c.ctx, c.env, userID).Execute()
	c.ok("users", "sessions", resp, err)
	if id := firstEmbeddedID(c, resp, "sessions"); id != "" {
		c.raw("users", "session")(s.EnvironmentsEnvironmentIDUsersUserIDSessionsSessionIDGet(c.ctx, c.env, userID, id).Execute())
		c.raw("users", "session delete")(s.EnvironmentsEnvironmentIDUsersUserIDSessionsSessionIDDelete(c.ctx, c.env, userID, id).Execute())
	}
}

// variants drives the oneOf variants the local PingOne models beyond
// OpenID Connect: a SAML application, a SAML identity provider (verified
// by an uploaded certificate) and a Facebook one; each must decode as its
// own variant on create, read and list.
func (c *contract) variants() {
	a := c.api.ApplicationsApi
	saml := mgmt.NewApplicationSAML(true, "SAML SP", mgmt.ENUMAPPLICATIONPROTOCOL_SAML, mgmt.ENUMAPPLICATIONTYPE_WEB_APP,
		[]string{"https://sp.example.com/acs"}, 300, "urn:example:sp")
	app, resp, err := a.CreateApplication(c.ctx, c.env).CreateApplicationRequest(mgmt.CreateApplicationRequest{ApplicationSAML: saml}).Execute()
	c.ok("applications", "SAML create", resp, err)
	if app == nil || app.ApplicationSAML == nil {
		c.t.Errorf("applications: a SAML application does not decode as ApplicationSAML: %+v", app)
	} else {
		id := app.ApplicationSAML.GetId()
		one, resp, err := a.ReadOneApplication(c.ctx, c.env, id).Execute()
		c.ok("applications", "SAML read one", resp, err)
		if one != nil && one.ApplicationSAML == nil {
			c.t.Errorf("applications: a SAML application reads back as %+v", one.GetActualInstance())
		}
		saml.SetDescription("updated")
		_, resp, err = a.UpdateApplication(c.ctx, c.env, id).UpdateApplicationRequest(mgmt.UpdateApplicationRequest{ApplicationSAML: saml}).Execute()
		c.ok("applications", "SAML update", resp, err)
	}

	pemCert := selfSigned(c)
	cert, resp, err := c.api.CertificateManagementApi.CreateCertificateFromFile(c.ctx, c.env).UsageType("SIGNING").File(&pemCert).Execute()
	c.ok("keys", "certificate upload", resp, err)
	require.NotNil(c.t, cert)
	ip := c.api.IdentityProvidersApi
	verify := mgmt.NewIdentityProviderSAMLAllOfIdpVerification([]mgmt.IdentityProviderSAMLAllOfIdpVerificationCertificates{
		*mgmt.NewIdentityProviderSAMLAllOfIdpVerificationCertificates(cert.GetId())})
	samlIdP := mgmt.NewIdentityProviderSAML(true, "Partner SAML", mgmt.ENUMIDENTITYPROVIDEREXT_SAML, "urn:example:idp", *verify,
		"urn:example:pingone", mgmt.ENUMIDENTITYPROVIDERSAMLSSOBINDING_POST, "https://idp.example.com/sso")
	idp, resp, err := ip.CreateIdentityProvider(c.ctx, c.env).IdentityProvider(mgmt.IdentityProvider{IdentityProviderSAML: samlIdP}).Execute()
	c.ok("identity providers", "SAML create", resp, err)
	if idp == nil || idp.IdentityProviderSAML == nil {
		c.t.Errorf("identity providers: a SAML provider does not decode as IdentityProviderSAML: %+v", idp)
	}
	fb := mgmt.NewIdentityProviderFacebook(true, "Facebook", mgmt.ENUMIDENTITYPROVIDEREXT_FACEBOOK, "fb-app", "fb-secret")
	idp, resp, err = ip.CreateIdentityProvider(c.ctx, c.env).IdentityProvider(mgmt.IdentityProvider{IdentityProviderFacebook: fb}).Execute()
	c.ok("identity providers", "Facebook create", resp, err)
	if idp == nil || idp.IdentityProviderFacebook == nil {
		c.t.Errorf("identity providers: a Facebook provider does not decode as IdentityProviderFacebook: %+v", idp)
	}
	all := c.all("identity providers", "read all", ip.ReadAllIdentityProviders(c.ctx, c.env).Execute())
	kinds := map[string]bool{}
	for _, x := range all.GetIdentityProviders() {
		switch {
		case x.IdentityProviderSAML != nil:
			kinds["SAML"] = true
		case x.IdentityProviderFacebook != nil:
			kinds["FACEBOOK"] = true
		}
	}
	if !kinds["SAML"] || !kinds["FACEBOOK"] {
		c.t.Errorf("identity providers: the list decodes the variants as %v", kinds)
	}
}

// refusals drives answers PingOne gives when it says no: an unknown id
// (404), an invalid body (400), a conflict on a unique name (400
// UNIQUENESS_VIOLATION as a detail). Each must carry a status the
// specification declares for the operation and decode as the SDK's
// P1Error (the recorder checks the body against the schema too).
func (c *contract) refusals() {
	const unknown = "00000000-0000-4000-8000-000000000000"
	_, resp, err := c.api.PopulationsApi.ReadOnePopulation(c.ctx, c.env, unknown).Execute()
	c.refused("populations", "read unknown", 404, resp, err)
	_, resp, err = c.api.PopulationsApi.CreatePopulation(c.ctx, c.env).Population(*mgmt.NewPopulation(" ")).Execute()
	c.refused("populations", "create blank", 400, resp, err)
	_, resp, err = c.api.UsersApi.ReadUser(c.ctx, c.env, unknown).Execute()
	c.refused("users", "read unknown", 404, resp, err)
	_, resp, err = c.api.GroupsApi.CreateGroup(c.ctx, c.env).Group(*mgmt.NewGroup("Twins")).Execute()
	c.ok("groups", "create", resp, err)
	_, resp, err = c.api.GroupsApi.CreateGroup(c.ctx, c.env).Group(*mgmt.NewGroup("Twins")).Execute()
	c.refused("groups", "create duplicate", 400, resp, err)
	_, resp, err = c.api.ApplicationsApi.ReadOneApplication(c.ctx, c.env, unknown).Execute()
	c.refused("applications", "read unknown", 404, resp, err)
	_, resp, err = c.api.EnvironmentsApi.ReadOneEnvironment(c.ctx, unknown).Execute()
	c.refused("environments", "read unknown", 403, resp, err)
}

// refused fails the test unless a call was refused with want and its body
// decodes as the SDK's P1Error with PingOne's code and message.
func (c *contract) refused(area, op string, want int, resp *http.Response, err error) {
	c.t.Helper()
	c.calls[area]++
	status := 0
	if resp != nil {
		status = resp.StatusCode
	}
	oe, isAPIError := err.(*mgmt.GenericOpenAPIError)
	if !isAPIError || status != want {
		c.t.Errorf("%s: %s: got %d %v, want PingOne's %d", area, op, status, err, want)
		return
	}
	p1, isP1 := oe.Model().(mgmt.P1Error)
	if !isP1 || p1.GetCode() == "" || p1.GetMessage() == "" || p1.GetId() == "" {
		c.t.Errorf("%s: %s: the %d body does not decode as a P1Error with id, code and message: %T %s", area, op, want, oe.Model(), oe.Body())
	}
}
