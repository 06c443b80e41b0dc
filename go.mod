module github.com/courier-run/courier

go 1.26.8

require (
	github.com/andybalholm/brotli v1.3.0
	github.com/beevik/etree v1.7.0
	github.com/chromedp/cdproto v0.160.1
	github.com/chromedp/chromedp v0.24.0
	github.com/dop251/goja v0.0.0-20260917113740-793a2a65c13b
	github.com/fatih/color v1.19.0
	github.com/mattn/go-isatty v0.0.20
	github.com/patrickcping/pingone-go-sdk-v2/authorize v0.8.2
	github.com/patrickcping/pingone-go-sdk-v2/management v0.60.0
	github.com/patrickcping/pingone-go-sdk-v2/mfa v0.23.1
	github.com/patrickcping/pingone-go-sdk-v2/risk v0.19.1
	github.com/russellhaering/goxmldsig v1.6.1
	github.com/spf13/cobra v1.10.2
	github.com/spf13/pflag v1.0.9
	github.com/stretchr/testify v1.12.1
	github.com/zalando/go-keyring v0.2.8
	go.yaml.in/yaml/v3 v3.0.5
	golang.org/x/crypto v0.25.0
	golang.org/x/net v0.27.0
	golang.org/x/sys v0.42.0
	golang.org/x/term v0.22.0
	golang.org/x/text v0.16.0
	software.sslmate.com/src/go-pkcs12 v0.7.4
)

require (
	github.com/danieljoos/wincred v1.2.3 // indirect
	github.com/dlclark/regexp2/v2 v2.5.2 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/go-sourcemap/sourcemap v2.1.4+incompatible // indirect
	github.com/godbus/dbus/v5 v5.2.2 // indirect
	github.com/google/pprof v0.0.0-20240727154555-813a5fbdbec8 // indirect
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/jonboulle/clockwork v0.5.0 // indirect
	github.com/mattn/go-colorable v0.1.14 // indirect
)
