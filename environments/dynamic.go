package environments

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/brianvoe/gofakeit/v7"
)

// Dynamic variables are Postman's built-in {{$name}} generators
// (postman-collection lib/superstring/dynamic-variables.js, backed by
// faker 5.5.3 with the en locale). Each reference gets a fresh value. Output
// follows faker's shapes so scripts that parse the values keep working;
// the word lists are our own or gofakeit's, so values differ in detail.

// dynamicGen maps each name to its generator. All generators are safe for
// concurrent use: gofakeit's global faker locks, and math/rand/v2's
// top-level functions are goroutine-safe.
var dynamicGen = map[string]func() string{
	"$guid":         gofakeit.UUID,
	"$timestamp":    func() string { return strconv.FormatInt((time.Now().UnixMilli()+500)/1000, 10) },
	"$isoTimestamp": func() string { return time.Now().UTC().Format("2006-01-02T15:04:05.000Z") },
	"$randomInt":    func() string { return strconv.Itoa(rand.IntN(1001)) },

	// Names and jobs.
	"$randomFirstName":     gofakeit.FirstName,
	"$randomLastName":      gofakeit.LastName,
	"$randomFullName":      fullName,
	"$randomNamePrefix":    func() string { return pick(namePrefixes) },
	"$randomNameSuffix":    func() string { return pick(nameSuffixes) },
	"$randomJobTitle":      func() string { return gofakeit.JobDescriptor() + " " + gofakeit.JobLevel() + " " + pick(jobTypes) },
	"$randomJobDescriptor": gofakeit.JobDescriptor,
	"$randomJobArea":       gofakeit.JobLevel,
	"$randomJobType":       func() string { return pick(jobTypes) },

	// Phone, address, geo.
	"$randomPhoneNumber":    phoneNumber,
	"$randomPhoneNumberExt": func() string { return strconv.Itoa(1+rand.IntN(99)) + "-" + phoneNumber() },
	"$randomCity":           gofakeit.City,
	"$randomStreetName":     streetName,
	"$randomStreetAddress":  func() string { return digits(3+rand.IntN(3), true) + " " + streetName() },
	"$randomCountry":        gofakeit.Country,
	"$randomCountryCode":    gofakeit.CountryAbr,
	"$randomLatitude":       func() string { return strconv.FormatFloat(rand.Float64()*180-90, 'f', 4, 64) },
	"$randomLongitude":      func() string { return strconv.FormatFloat(rand.Float64()*360-180, 'f', 4, 64) },

	// Internet.
	"$randomEmail":        func() string { return userName() + "@" + pick(freeEmailDomains) },
	"$randomExampleEmail": func() string { return userName() + "@" + pick(exampleDomains) },
	"$randomUserName":     userName,
	"$randomProtocol":     func() string { return pick(protocols) },
	"$randomUrl":          func() string { return pick(protocols) + "://" + domainName() },
	"$randomDomainName":   domainName,
	"$randomDomainSuffix": func() string { return pick(domainSuffixes) },
	"$randomDomainWord":   domainWord,
	"$randomIP":           ipv4,
	"$randomIPV6":         ipv6,
	"$randomUserAgent":    gofakeit.UserAgent,
	"$randomHexColor":     func() string { return fmt.Sprintf("#%06x", rand.IntN(1<<24)) },
	"$randomMACAddress":   macAddress,
	"$randomPassword":     func() string { return randomChars(15, wordChars) },

	// Text.
	"$randomWords":          randomWords,
	"$randomWord":           randomWord,
	"$randomAbbreviation":   gofakeit.HackerAbbreviation,
	"$randomAdjective":      gofakeit.HackerAdjective,
	"$randomNoun":           gofakeit.HackerNoun,
	"$randomVerb":           gofakeit.HackerVerb,
	"$randomIngverb":        gofakeit.HackeringVerb,
	"$randomPhrase":         gofakeit.HackerPhrase,
	"$randomLoremWord":      gofakeit.LoremIpsumWord,
	"$randomLoremWords":     func() string { return loremWords(3) },
	"$randomLoremSentence":  loremSentence,
	"$randomLoremSlug":      func() string { return strings.ReplaceAll(loremWords(3), " ", "-") },
	"$randomLoremSentences": func() string { return loremSentences(2+rand.IntN(5), " ") },
	"$randomLoremParagraph": loremParagraph,
	"$randomLoremParagraphs": func() string {
		// faker joins paragraphs with "\n \r".
		return loremParagraph() + "\n \r" + loremParagraph() + "\n \r" + loremParagraph()
	},
	"$randomLoremText":  loremText,
	"$randomLoremLines": func() string { return loremSentences(1+rand.IntN(5), "\n") },

	// Business.
	"$randomColor":                 gofakeit.SafeColor,
	"$randomDepartment":            func() string { return pick(departments) },
	"$randomProductName":           func() string { return pick(productAdjectives) + " " + pick(productMaterials) + " " + pick(products) },
	"$randomProductAdjective":      func() string { return pick(productAdjectives) },
	"$randomProductMaterial":       func() string { return pick(productMaterials) },
	"$randomProduct":               func() string { return pick(products) },
	"$randomCompanyName":           companyName,
	"$randomCompanySuffix":         func() string { return pick(companySuffixes) },
	"$randomCatchPhrase":           func() string { return pick(catchAdjectives) + " " + pick(catchDescriptors) + " " + pick(catchNouns) },
	"$randomBs":                    func() string { return pick(bsBuzzwords) + " " + pick(bsAdjectives) + " " + pick(bsNouns) },
	"$randomCatchPhraseAdjective":  func() string { return pick(catchAdjectives) },
	"$randomCatchPhraseDescriptor": func() string { return pick(catchDescriptors) },
	"$randomCatchPhraseNoun":       func() string { return pick(catchNouns) },
	"$randomBsAdjective":           func() string { return pick(bsAdjectives) },
	"$randomBsBuzz":                func() string { return pick(bsBuzzwords) },
	"$randomBsNoun":                func() string { return pick(bsNouns) },
	"$randomDatabaseColumn":        func() string { return pick(dbColumns) },
	"$randomDatabaseType":          func() string { return pick(dbTypes) },
	"$randomDatabaseCollation":     func() string { return pick(dbCollations) },
	"$randomDatabaseEngine":        func() string { return pick(dbEngines) },
	"$randomDatePast":              func() string { return jsDate(time.Now().Add(-randDuration(365 * 24 * time.Hour))) },
	"$randomDateFuture":            func() string { return jsDate(time.Now().Add(randDuration(365 * 24 * time.Hour))) },
	"$randomDateRecent":            func() string { return jsDate(time.Now().Add(-randDuration(24 * time.Hour))) },
	"$randomMonth":                 func() string { return time.Month(1 + rand.IntN(12)).String() },
	"$randomWeekday":               func() string { return time.Weekday(rand.IntN(7)).String() },
	"$randomBankAccount":           func() string { return digits(8, false) },
	"$randomBankAccountName":       func() string { return pick(accountNames) + " Account" },
	"$randomCreditCardMask":        func() string { return digits(4, false) },
	"$randomPrice":                 func() string { return strconv.FormatFloat(float64(rand.IntN(100001))/100, 'f', 2, 64) },
	"$randomTransactionType":       func() string { return pick(transactionTypes) },
	"$randomCurrencyCode":          gofakeit.CurrencyShort,
	"$randomCurrencyName":          gofakeit.CurrencyLong,
	"$randomCurrencySymbol":        func() string { return pick(currencySymbols) },
	"$randomBitcoin":               gofakeit.BitcoinAddress,
	"$randomBankAccountIban":       iban,
	"$randomBankAccountBic":        bic,
	"$randomAvatarImage":           func() string { return "https://cdn.fakercloud.com/avatars/" + handle() + "_128.jpg" },
	"$randomImageUrl":              func() string { return imageBase },
	"$randomAbstractImage":         func() string { return imageBase + "/abstract" },
	"$randomAnimalsImage":          func() string { return imageBase + "/animals" },
	"$randomBusinessImage":         func() string { return imageBase + "/business" },
	"$randomCatsImage":             func() string { return imageBase + "/cats" },
	"$randomCityImage":             func() string { return imageBase + "/city" },
	"$randomFoodImage":             func() string { return imageBase + "/food" },
	"$randomNightlifeImage":        func() string { return imageBase + "/nightlife" },
	"$randomFashionImage":          func() string { return imageBase + "/fashion" },
	"$randomPeopleImage":           func() string { return imageBase + "/people" },
	"$randomNatureImage":           func() string { return imageBase + "/nature" },
	"$randomSportsImage":           func() string { return imageBase + "/sports" },
	"$randomTransportImage":        func() string { return imageBase + "/transport" },
	"$randomImageDataUri":          func() string { return imageDataURI },
	"$randomFilePath":              func() string { return pick(directoryPaths) + "/" + fileName(pick(fileExts)) },
	"$randomDirectoryPath":         func() string { return pick(directoryPaths) },
	"$randomFileName":              func() string { return fileName(pick(fileExts)) },
	"$randomCommonFileName":        func() string { return fileName(pick(commonFileExts)) },
	"$randomMimeType":              mimeType,
	"$randomCommonFileType":        func() string { return pick(commonFileTypes) },
	"$randomCommonFileExt":         func() string { return pick(commonFileExts) },
	"$randomFileType":              func() string { t, _, _ := strings.Cut(mimeType(), "/"); return t },
	"$randomFileExt":               func() string { return pick(fileExts) },
	"$randomSemver":                func() string { return fmt.Sprintf("%d.%d.%d", rand.IntN(10), rand.IntN(10), rand.IntN(10)) },
	"$randomLocale":                func() string { return pick(locales) },
	"$randomUUID":                  gofakeit.UUID,
	"$randomBoolean":               func() string { return strconv.FormatBool(rand.IntN(2) == 1) },
	"$randomAlphaNumeric":          func() string { return randomChars(1, alphaNum) },
}

var dynamicNames = func() []string {
	names := make([]string, 0, len(dynamicGen))
	for n := range dynamicGen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}()

// DynamicNames returns the names of all dynamic variables ("$guid", …),
// sorted.
func DynamicNames() []string { return append([]string(nil), dynamicNames...) }

// Dynamic generates a fresh value for the dynamic variable name ("$guid").
func Dynamic(name string) (string, bool) {
	g, ok := dynamicGen[name]
	if !ok {
		return "", false
	}
	return g(), true
}

func pick(list []string) string { return list[rand.IntN(len(list))] }

func randDuration(max time.Duration) time.Duration { return time.Duration(rand.Int64N(int64(max))) }

const (
	wordChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
	alphaNum  = "abcdefghijklmnopqrstuvwxyz0123456789"
	imageBase = "http://placeimg.com/640/480"
)

func randomChars(n int, set string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[rand.IntN(len(set))]
	}
	return string(b)
}

// digits returns n random decimal digits; noLeadingZero keeps it a number.
func digits(n int, noLeadingZero bool) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + rand.IntN(10))
	}
	if noLeadingZero && n > 0 {
		b[0] = byte('1' + rand.IntN(9))
	}
	return string(b)
}

// phoneNumber has faker's "!##-!##-####" shape (! is 2-9).
func phoneNumber() string {
	return strconv.Itoa(2+rand.IntN(8)) + digits(2, false) + "-" +
		strconv.Itoa(2+rand.IntN(8)) + digits(2, false) + "-" + digits(4, false)
}

func fullName() string {
	switch rand.IntN(10) {
	case 0:
		return pick(namePrefixes) + " " + gofakeit.FirstName() + " " + gofakeit.LastName()
	case 1:
		return gofakeit.FirstName() + " " + gofakeit.LastName() + " " + pick(nameSuffixes)
	default:
		return gofakeit.FirstName() + " " + gofakeit.LastName()
	}
}

func streetName() string {
	n := gofakeit.LastName()
	if rand.IntN(2) == 0 {
		n = gofakeit.FirstName()
	}
	return n + " " + pick(streetSuffixes)
}

// userName has faker's shapes: "Jose26", "Verna_Gerlach", "Glenda.Welch80".
func userName() string {
	first := gofakeit.FirstName()
	switch rand.IntN(3) {
	case 0:
		return first + strconv.Itoa(rand.IntN(100))
	case 1:
		return first + pick([]string{".", "_"}) + gofakeit.LastName()
	default:
		return first + pick([]string{".", "_"}) + gofakeit.LastName() + strconv.Itoa(rand.IntN(100))
	}
}

func domainWord() string {
	var b strings.Builder
	for _, r := range strings.ToLower(gofakeit.FirstName()) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "example"
	}
	return b.String()
}

// handle is a Twitter-style handle, as faker's avatar URLs use.
func handle() string {
	var b strings.Builder
	for _, r := range gofakeit.Username() {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "user"
	}
	return b.String()
}

func domainName() string { return domainWord() + "." + pick(domainSuffixes) }

func ipv4() string {
	return fmt.Sprintf("%d.%d.%d.%d", rand.IntN(256), rand.IntN(256), rand.IntN(256), rand.IntN(256))
}

// ipv6 writes all eight groups in full, as faker does (no "::").
func ipv6() string {
	g := make([]string, 8)
	for i := range g {
		g[i] = fmt.Sprintf("%04x", rand.IntN(1<<16))
	}
	return strings.Join(g, ":")
}

func macAddress() string {
	g := make([]string, 6)
	for i := range g {
		g[i] = fmt.Sprintf("%02x", rand.IntN(256))
	}
	return strings.Join(g, ":")
}

// randomWord draws from several vocabularies, like faker.random.word.
func randomWord() string {
	gens := []func() string{
		gofakeit.Noun, gofakeit.Adjective, gofakeit.Verb, gofakeit.Country, gofakeit.State,
		gofakeit.SafeColor, gofakeit.HackerNoun, gofakeit.BuzzWord, gofakeit.ProductMaterial,
		func() string { return pick(products) }, func() string { return pick(catchNouns) },
	}
	return gens[rand.IntN(len(gens))]()
}

func randomWords() string {
	n := 2 + rand.IntN(4)
	w := make([]string, n)
	for i := range w {
		w[i] = randomWord()
	}
	return strings.Join(w, " ")
}

func loremWords(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = gofakeit.LoremIpsumWord()
	}
	return strings.Join(w, " ")
}

func loremSentence() string {
	s := loremWords(3 + rand.IntN(8))
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func loremSentences(n int, sep string) string {
	s := make([]string, n)
	for i := range s {
		s[i] = loremSentence()
	}
	return strings.Join(s, sep)
}

func loremParagraph() string { return loremSentences(3+rand.IntN(4), " ") }

// loremText is faker.lorem.text: one of the other lorem generators.
func loremText() string {
	switch rand.IntN(7) {
	case 0:
		return gofakeit.LoremIpsumWord()
	case 1:
		return loremWords(3)
	case 2:
		return loremSentence()
	case 3:
		return loremSentences(2+rand.IntN(5), " ")
	case 4:
		return loremParagraph()
	case 5:
		return loremParagraph() + "\n \r" + loremParagraph() + "\n \r" + loremParagraph()
	default:
		return loremSentences(1+rand.IntN(5), "\n")
	}
}

func companyName() string {
	switch rand.IntN(3) {
	case 0:
		return gofakeit.LastName() + " " + pick(companySuffixes)
	case 1:
		return gofakeit.LastName() + " - " + gofakeit.LastName()
	default:
		return gofakeit.LastName() + ", " + gofakeit.LastName() + " and " + gofakeit.LastName()
	}
}

// jsDate formats t like JavaScript's Date.prototype.toString, which is what
// Postman substitutes for faker's Date results:
// "Tue Dec 03 2024 10:11:12 GMT+0000 (Coordinated Universal Time)".
func jsDate(t time.Time) string {
	zone, off := t.Zone()
	if off == 0 && (zone == "UTC" || zone == "GMT" || zone == "") {
		zone = "Coordinated Universal Time"
	}
	return t.Format("Mon Jan 02 2006 15:04:05 GMT-0700") + " (" + zone + ")"
}

// iban builds an IBAN with valid ISO 7064 mod-97 check digits.
func iban() string {
	c := ibanFormats[rand.IntN(len(ibanFormats))]
	var bban strings.Builder
	for _, p := range c.pattern {
		switch p {
		case 'a':
			bban.WriteByte(byte('A' + rand.IntN(26)))
		default:
			bban.WriteByte(byte('0' + rand.IntN(10)))
		}
	}
	// Move the country code and "00" to the end, letters to numbers, mod 97.
	var num strings.Builder
	for _, r := range bban.String() + c.country + "00" {
		if r >= 'A' && r <= 'Z' {
			num.WriteString(strconv.Itoa(int(r-'A') + 10))
		} else {
			num.WriteRune(r)
		}
	}
	n, _ := new(big.Int).SetString(num.String(), 10)
	check := 98 - new(big.Int).Mod(n, big.NewInt(97)).Int64()
	return fmt.Sprintf("%s%02d%s", c.country, check, bban.String())
}

// bic has faker's shape: 4 bank letters, a country, a 2-character location
// and sometimes a 3-character branch.
func bic() string {
	s := randomChars(4, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + pick(bicCountries) + randomChars(2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
	if rand.IntN(2) == 0 {
		s += randomChars(3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
	}
	return s
}

func fileName(ext string) string {
	n := 1 + rand.IntN(3)
	w := make([]string, 0, n)
	for len(w) < n {
		if word := lettersOnly(gofakeit.Noun()); word != "" {
			w = append(w, word)
		}
	}
	return strings.Join(w, "_") + "." + ext
}

// lettersOnly lower-cases s and drops everything but ASCII letters.
func lettersOnly(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mimeType is a media type without gofakeit's occasional comment suffix.
func mimeType() string {
	t, _, _ := strings.Cut(gofakeit.FileMimeType(), " ")
	return t
}

// imageDataURI is what faker 5.5.3's image.dataUri() returns when called
// without arguments, as Postman does: an SVG whose size is "undefined".
var imageDataURI = "data:image/svg+xml;charset=UTF-8," + encodeURIComponent(
	`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" baseProfile="full" width="undefined" height="undefined">`+
		`<rect width="100%" height="100%" fill="grey"/>`+
		`<text x="NaN" y="NaN" font-size="20" alignment-baseline="middle" text-anchor="middle" fill="white">undefinedxundefined</text></svg>`)

// encodeURIComponent escapes like JavaScript's function of that name.
func encodeURIComponent(s string) string {
	const keep = "-_.!~*'()"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

var (
	namePrefixes   = []string{"Mr.", "Mrs.", "Ms.", "Miss", "Dr."}
	nameSuffixes   = []string{"Jr.", "Sr.", "I", "II", "III", "IV", "V", "MD", "DDS", "PhD", "DVM"}
	jobTypes       = []string{"Supervisor", "Associate", "Executive", "Liaison", "Officer", "Manager", "Engineer", "Specialist", "Director", "Coordinator", "Administrator", "Architect", "Analyst", "Designer", "Planner", "Orchestrator", "Technician", "Developer", "Producer", "Consultant", "Assistant", "Facilitator", "Agent", "Representative", "Strategist"}
	streetSuffixes = []string{"Street", "Avenue", "Road", "Lane", "Drive", "Court", "Place", "Square", "Way", "Trail", "Parkway", "Boulevard", "Key", "Brooks", "Canyon", "Valley", "Cape", "Knolls", "Ridges", "Track", "Island", "Grove", "Isle", "Hill", "Vista", "Crossing", "Meadows", "Springs", "Harbor", "Pass"}

	freeEmailDomains = []string{"gmail.com", "yahoo.com", "hotmail.com"}
	exampleDomains   = []string{"example.com", "example.net", "example.org"}
	protocols        = []string{"http", "https"}
	domainSuffixes   = []string{"com", "biz", "info", "name", "net", "org"}

	departments       = []string{"Books", "Movies", "Music", "Games", "Electronics", "Computers", "Home", "Garden", "Tools", "Grocery", "Health", "Beauty", "Toys", "Kids", "Baby", "Clothing", "Shoes", "Jewelery", "Sports", "Outdoors", "Automotive", "Industrial"}
	productAdjectives = []string{"Small", "Ergonomic", "Rustic", "Intelligent", "Gorgeous", "Incredible", "Fantastic", "Practical", "Sleek", "Awesome", "Generic", "Handcrafted", "Handmade", "Licensed", "Refined", "Unbranded", "Tasty"}
	productMaterials  = []string{"Steel", "Wooden", "Concrete", "Plastic", "Cotton", "Granite", "Rubber", "Metal", "Soft", "Fresh", "Frozen"}
	products          = []string{"Chair", "Car", "Computer", "Keyboard", "Mouse", "Bike", "Ball", "Gloves", "Pants", "Shirt", "Table", "Shoes", "Hat", "Towels", "Soap", "Tuna", "Chicken", "Fish", "Cheese", "Bacon", "Pizza", "Salad", "Sausages", "Chips"}
	companySuffixes   = []string{"Inc", "and Sons", "LLC", "Group"}
	catchAdjectives   = []string{"Adaptive", "Advanced", "Automated", "Balanced", "Centralized", "Cloned", "Configurable", "Cross-platform", "Customizable", "Decentralized", "Distributed", "Enhanced", "Ergonomic", "Expanded", "Focused", "Fundamental", "Horizontal", "Innovative", "Integrated", "Managed", "Monitored", "Multi-layered", "Networked", "Optimized", "Organic", "Persistent", "Proactive", "Programmable", "Re-contextualized", "Reactive", "Robust", "Secured", "Self-enabling", "Streamlined", "Switchable", "Synchronized", "Universal", "User-friendly", "Versatile", "Virtual", "Visionary"}
	catchDescriptors  = []string{"24 hour", "24/7", "3rd generation", "actuating", "analyzing", "asymmetric", "bandwidth-monitored", "bi-directional", "bottom-line", "client-driven", "clear-thinking", "contextually-based", "dedicated", "demand-driven", "dynamic", "empowering", "encompassing", "executive", "explicit", "exuding", "fault-tolerant", "global", "heuristic", "high-level", "holistic", "interactive", "local", "logistical", "mission-critical", "modular", "multi-state", "needs-based", "neutral", "next generation", "non-volatile", "real-time", "regional", "scalable", "static", "systematic", "tangible", "transitional", "upward-trending", "value-added", "zero tolerance"}
	catchNouns        = []string{"ability", "access", "adapter", "algorithm", "alliance", "analyzer", "application", "approach", "architecture", "array", "attitude", "benchmark", "capability", "challenge", "circuit", "collaboration", "complexity", "concept", "database", "encoding", "encryption", "firmware", "flexibility", "frame", "framework", "function", "groupware", "hierarchy", "hub", "infrastructure", "initiative", "instruction set", "interface", "knowledge base", "matrix", "methodology", "middleware", "migration", "model", "moderator", "monitoring", "paradigm", "portal", "process improvement", "project", "protocol", "service-desk", "solution", "standardization", "strategy", "structure", "success", "synergy", "system engine", "task-force", "throughput", "toolset", "utilisation", "website", "workforce"}
	bsBuzzwords       = []string{"implement", "utilize", "integrate", "streamline", "optimize", "evolve", "transform", "embrace", "enable", "orchestrate", "leverage", "reinvent", "aggregate", "architect", "enhance", "incentivize", "morph", "empower", "envisioneer", "monetize", "harness", "facilitate", "seize", "disintermediate", "synergize", "strategize", "deploy", "brand", "grow", "target", "syndicate", "synthesize", "deliver", "mesh", "incubate", "engage", "maximize", "benchmark", "expedite", "reintermediate", "whiteboard", "visualize", "repurpose", "innovate", "scale", "unleash", "drive", "extend", "engineer", "revolutionize", "generate", "exploit", "transition", "e-enable", "iterate", "cultivate", "matrix", "productize", "redefine", "recontextualize"}
	bsAdjectives      = []string{"clicks-and-mortar", "value-added", "vertical", "proactive", "robust", "revolutionary", "scalable", "leading-edge", "innovative", "intuitive", "strategic", "e-business", "mission-critical", "sticky", "one-to-one", "24/7", "end-to-end", "global", "B2B", "B2C", "granular", "frictionless", "virtual", "viral", "dynamic", "best-of-breed", "killer", "magnetic", "bleeding-edge", "web-enabled", "interactive", "dot-com", "sexy", "back-end", "real-time", "efficient", "front-end", "distributed", "seamless", "extensible", "turn-key", "world-class", "open-source", "cross-platform", "cross-media", "synergistic", "bricks-and-clicks", "out-of-the-box", "enterprise", "integrated", "impactful", "wireless", "transparent", "next-generation", "cutting-edge", "user-centric", "visionary", "customized", "ubiquitous", "plug-and-play", "collaborative", "compelling", "holistic", "rich"}
	bsNouns           = []string{"synergies", "web-readiness", "paradigms", "markets", "partnerships", "infrastructures", "platforms", "initiatives", "channels", "eyeballs", "communities", "ROI", "solutions", "e-tailers", "e-services", "action-items", "portals", "niches", "technologies", "content", "vortals", "supply-chains", "convergence", "relationships", "architectures", "interfaces", "e-markets", "e-commerce", "systems", "bandwidth", "infomediaries", "models", "mindshare", "deliverables", "users", "schemas", "networks", "applications", "metrics", "e-business", "functionalities", "experiences", "web services", "methodologies"}

	dbColumns    = []string{"id", "title", "name", "email", "phone", "token", "group", "category", "password", "comment", "avatar", "status", "createdAt", "updatedAt"}
	dbTypes      = []string{"int", "varchar", "text", "date", "datetime", "tinyint", "time", "timestamp", "smallint", "mediumint", "bigint", "decimal", "float", "double", "real", "bit", "boolean", "serial", "blob", "binary", "enum", "set", "geometry", "point"}
	dbCollations = []string{"utf8_unicode_ci", "utf8_general_ci", "utf8_bin", "ascii_bin", "ascii_general_ci", "cp1250_bin", "cp1250_general_ci"}
	dbEngines    = []string{"InnoDB", "MyISAM", "MEMORY", "CSV", "BLACKHOLE", "ARCHIVE"}

	accountNames     = []string{"Checking", "Savings", "Money Market", "Investment", "Home Loan", "Credit Card", "Auto Loan", "Personal Loan"}
	transactionTypes = []string{"deposit", "withdrawal", "payment", "invoice"}
	currencySymbols  = []string{"$", "€", "£", "¥", "₹", "₩", "₦", "₺", "₨", "₪", "₫", "₱", "₴", "ƒ", "Bs", "kr", "zł", "Kč", "lei", "R$", "CHF", "﷼"}
	bicCountries     = []string{"US", "GB", "DE", "FR", "NL", "BE", "CH", "IT", "ES", "SE", "AU", "CA", "JP", "SK", "FK", "KR"}

	ibanFormats = []struct{ country, pattern string }{
		{"DE", "000000000000000000"},      // 18 digits
		{"GB", "aaaa00000000000000"},      // bank code + 14 digits
		{"FR", "00000000000000000000000"}, // 23
		{"NL", "aaaa0000000000"},
		{"BE", "000000000000"},
		{"SE", "00000000000000000000"},
		{"SK", "00000000000000000000"},
		{"ES", "00000000000000000000"},
	}

	commonFileTypes = []string{"video", "audio", "image", "text", "application"}
	commonFileExts  = []string{"pdf", "mpeg", "wav", "png", "jpeg", "gif", "mp4", "mp2a", "m2a", "m1v", "mp3", "html", "shtml", "mpg4", "jpg", "m3a"}
	fileExts        = []string{"txt", "csv", "json", "xml", "zip", "gz", "tar", "mkv", "mks", "twd", "nc", "hbci", "bh2", "webapp", "scm", "emma", "midi", "png", "jpg", "pdf", "doc", "docx", "xls", "ppt", "mp3", "mp4", "wav", "html", "css", "js", "svg", "ico", "epub", "rtf"}
	directoryPaths  = []string{"/Applications", "/bin", "/boot", "/boot/defaults", "/dev", "/etc", "/etc/defaults", "/etc/mail", "/etc/namedb", "/etc/periodic", "/etc/ppp", "/home", "/home/user", "/home/user/dir", "/lib", "/Library", "/lost+found", "/media", "/mnt", "/net", "/Network", "/opt", "/opt/bin", "/opt/include", "/opt/lib", "/opt/sbin", "/opt/share", "/private", "/private/tmp", "/private/var", "/proc", "/rescue", "/root", "/sbin", "/selinux", "/srv", "/sys", "/System", "/tmp", "/Users", "/usr", "/usr/X11R6", "/usr/bin", "/usr/include", "/usr/lib", "/usr/libdata", "/usr/libexec", "/usr/local/bin", "/usr/local/src", "/usr/obj", "/usr/ports", "/usr/sbin", "/usr/share", "/usr/src", "/var", "/var/log", "/var/mail", "/var/spool", "/var/tmp", "/var/yp"}

	// locales are ISO 639-1/-2 language codes as Postman draws them
	// (Chromium's UI locale list).
	locales = []string{"af", "am", "an", "ar", "ast", "az", "be", "bg", "bh", "bn", "br", "bs", "ca", "ceb", "ckb", "co", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et", "eu", "fa", "fi", "fil", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "ha", "haw", "he", "hi", "hmn", "hr", "ht", "hu", "hy", "ia", "id", "ig", "is", "it", "ja", "jv", "ka", "kk", "km", "kn", "ko", "ku", "ky", "la", "lb", "ln", "lo", "lt", "lv", "mg", "mi", "mk", "ml", "mn", "mo", "mr", "ms", "mt", "my", "nb", "ne", "nl", "nn", "no", "ny", "oc", "om", "or", "pa", "pl", "ps", "pt", "qu", "rm", "ro", "ru", "sd", "sh", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "to", "tr", "tt", "tw", "ug", "uk", "ur", "uz", "vi", "wa", "xh", "yi", "yo", "zh", "zu"}
)
