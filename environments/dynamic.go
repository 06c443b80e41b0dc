package environments

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/courier-run/courier/internal/jsuri"
)

// Dynamic variables are Postman's built-in {{$name}} generators
// (postman-collection lib/superstring/dynamic-variables.js, backed by
// faker 5.5.3 with the en locale). Each reference gets a fresh value. Output
// follows faker's shapes so scripts that parse the values keep working;
// the word lists are our own (dynamic_words.go), so values differ in detail.

// dynamicGen maps each name to its generator. A generator runs with its
// Gen locked (Gen.Dynamic).
var dynamicGen = map[string]func(g *Gen) string{
	"$guid":         (*Gen).uuid,
	"$timestamp":    func(g *Gen) string { return strconv.FormatInt((time.Now().UnixMilli()+500)/1000, 10) },
	"$isoTimestamp": func(g *Gen) string { return time.Now().UTC().Format("2006-01-02T15:04:05.000Z") },
	"$randomInt":    func(g *Gen) string { return strconv.Itoa(g.r.IntN(1001)) },

	// Names and jobs.
	"$randomFirstName":     (*Gen).firstName,
	"$randomLastName":      (*Gen).lastName,
	"$randomFullName":      (*Gen).fullName,
	"$randomNamePrefix":    func(g *Gen) string { return g.pick(namePrefixes) },
	"$randomNameSuffix":    func(g *Gen) string { return g.pick(nameSuffixes) },
	"$randomJobTitle":      func(g *Gen) string { return g.pick(jobDescriptors) + " " + g.pick(jobAreas) + " " + g.pick(jobTypes) },
	"$randomJobDescriptor": func(g *Gen) string { return g.pick(jobDescriptors) },
	"$randomJobArea":       func(g *Gen) string { return g.pick(jobAreas) },
	"$randomJobType":       func(g *Gen) string { return g.pick(jobTypes) },

	// Phone, address, geo.
	"$randomPhoneNumber":    (*Gen).phoneNumber,
	"$randomPhoneNumberExt": func(g *Gen) string { return strconv.Itoa(1+g.r.IntN(99)) + "-" + g.phoneNumber() },
	"$randomCity":           func(g *Gen) string { return g.pick(cities) },
	"$randomStreetName":     (*Gen).streetName,
	"$randomStreetAddress":  func(g *Gen) string { return g.digits(3+g.r.IntN(3), true) + " " + g.streetName() },
	"$randomCountry":        func(g *Gen) string { n, _ := g.country(); return n },
	"$randomCountryCode":    func(g *Gen) string { _, c := g.country(); return c },
	"$randomLatitude":       func(g *Gen) string { return strconv.FormatFloat(g.r.Float64()*180-90, 'f', 4, 64) },
	"$randomLongitude":      func(g *Gen) string { return strconv.FormatFloat(g.r.Float64()*360-180, 'f', 4, 64) },

	// Internet.
	"$randomEmail":        func(g *Gen) string { return g.userName() + "@" + g.pick(freeEmailDomains) },
	"$randomExampleEmail": func(g *Gen) string { return g.userName() + "@" + g.pick(exampleDomains) },
	"$randomUserName":     (*Gen).userName,
	"$randomProtocol":     func(g *Gen) string { return g.pick(protocols) },
	"$randomUrl":          func(g *Gen) string { return g.pick(protocols) + "://" + g.domainName() },
	"$randomDomainName":   (*Gen).domainName,
	"$randomDomainSuffix": func(g *Gen) string { return g.pick(domainSuffixes) },
	"$randomDomainWord":   (*Gen).domainWord,
	"$randomIP":           (*Gen).ipv4,
	"$randomIPV6":         (*Gen).ipv6,
	"$randomUserAgent":    (*Gen).userAgent,
	"$randomHexColor":     func(g *Gen) string { return fmt.Sprintf("#%06x", g.r.IntN(1<<24)) },
	"$randomMACAddress":   (*Gen).macAddress,
	"$randomPassword":     func(g *Gen) string { return g.randomChars(15, wordChars) },

	// Text.
	"$randomWords":          (*Gen).randomWords,
	"$randomWord":           (*Gen).randomWord,
	"$randomAbbreviation":   func(g *Gen) string { return g.pick(hackerAbbreviations) },
	"$randomAdjective":      func(g *Gen) string { return g.pick(hackerAdjectives) },
	"$randomNoun":           func(g *Gen) string { return g.pick(hackerNouns) },
	"$randomVerb":           func(g *Gen) string { return g.pick(hackerVerbs) },
	"$randomIngverb":        func(g *Gen) string { return g.pick(hackerIngVerbs) },
	"$randomPhrase":         (*Gen).hackerPhrase,
	"$randomLoremWord":      func(g *Gen) string { return g.pick(loremWords) },
	"$randomLoremWords":     func(g *Gen) string { return g.loremWords(3) },
	"$randomLoremSentence":  (*Gen).loremSentence,
	"$randomLoremSlug":      func(g *Gen) string { return strings.ReplaceAll(g.loremWords(3), " ", "-") },
	"$randomLoremSentences": func(g *Gen) string { return g.loremSentences(2+g.r.IntN(5), " ") },
	"$randomLoremParagraph": (*Gen).loremParagraph,
	"$randomLoremParagraphs": func(g *Gen) string {
		// faker joins paragraphs with "\n \r".
		return g.loremParagraph() + "\n \r" + g.loremParagraph() + "\n \r" + g.loremParagraph()
	},
	"$randomLoremText":  (*Gen).loremText,
	"$randomLoremLines": func(g *Gen) string { return g.loremSentences(1+g.r.IntN(5), "\n") },

	// Business.
	"$randomColor":      func(g *Gen) string { return g.pick(safeColors) },
	"$randomDepartment": func(g *Gen) string { return g.pick(departments) },
	"$randomProductName": func(g *Gen) string {
		return g.pick(productAdjectives) + " " + g.pick(productMaterials) + " " + g.pick(products)
	},
	"$randomProductAdjective": func(g *Gen) string { return g.pick(productAdjectives) },
	"$randomProductMaterial":  func(g *Gen) string { return g.pick(productMaterials) },
	"$randomProduct":          func(g *Gen) string { return g.pick(products) },
	"$randomCompanyName":      (*Gen).companyName,
	"$randomCompanySuffix":    func(g *Gen) string { return g.pick(companySuffixes) },
	"$randomCatchPhrase": func(g *Gen) string {
		return g.pick(catchAdjectives) + " " + g.pick(catchDescriptors) + " " + g.pick(catchNouns)
	},
	"$randomBs":                    func(g *Gen) string { return g.pick(bsBuzzwords) + " " + g.pick(bsAdjectives) + " " + g.pick(bsNouns) },
	"$randomCatchPhraseAdjective":  func(g *Gen) string { return g.pick(catchAdjectives) },
	"$randomCatchPhraseDescriptor": func(g *Gen) string { return g.pick(catchDescriptors) },
	"$randomCatchPhraseNoun":       func(g *Gen) string { return g.pick(catchNouns) },
	"$randomBsAdjective":           func(g *Gen) string { return g.pick(bsAdjectives) },
	"$randomBsBuzz":                func(g *Gen) string { return g.pick(bsBuzzwords) },
	"$randomBsNoun":                func(g *Gen) string { return g.pick(bsNouns) },
	"$randomDatabaseColumn":        func(g *Gen) string { return g.pick(dbColumns) },
	"$randomDatabaseType":          func(g *Gen) string { return g.pick(dbTypes) },
	"$randomDatabaseCollation":     func(g *Gen) string { return g.pick(dbCollations) },
	"$randomDatabaseEngine":        func(g *Gen) string { return g.pick(dbEngines) },
	"$randomDatePast":              func(g *Gen) string { return jsDate(time.Now().Add(-g.randDuration(365 * 24 * time.Hour))) },
	"$randomDateFuture":            func(g *Gen) string { return jsDate(time.Now().Add(g.randDuration(365 * 24 * time.Hour))) },
	"$randomDateRecent":            func(g *Gen) string { return jsDate(time.Now().Add(-g.randDuration(24 * time.Hour))) },
	"$randomMonth":                 func(g *Gen) string { return time.Month(1 + g.r.IntN(12)).String() },
	"$randomWeekday":               func(g *Gen) string { return time.Weekday(g.r.IntN(7)).String() },
	"$randomBankAccount":           func(g *Gen) string { return g.digits(8, false) },
	"$randomBankAccountName":       func(g *Gen) string { return g.pick(accountNames) + " Account" },
	"$randomCreditCardMask":        func(g *Gen) string { return g.digits(4, false) },
	"$randomPrice":                 func(g *Gen) string { return strconv.FormatFloat(float64(g.r.IntN(100001))/100, 'f', 2, 64) },
	"$randomTransactionType":       func(g *Gen) string { return g.pick(transactionTypes) },
	"$randomCurrencyCode":          func(g *Gen) string { c, _ := g.currency(); return c },
	"$randomCurrencyName":          func(g *Gen) string { _, n := g.currency(); return n },
	"$randomCurrencySymbol":        func(g *Gen) string { return g.pick(currencySymbols) },
	"$randomBitcoin":               (*Gen).bitcoinAddress,
	"$randomBankAccountIban":       (*Gen).iban,
	"$randomBankAccountBic":        (*Gen).bic,
	"$randomAvatarImage":           func(g *Gen) string { return "https://cdn.fakercloud.com/avatars/" + g.handle() + "_128.jpg" },
	"$randomImageUrl":              func(g *Gen) string { return imageBase },
	"$randomAbstractImage":         func(g *Gen) string { return imageBase + "/abstract" },
	"$randomAnimalsImage":          func(g *Gen) string { return imageBase + "/animals" },
	"$randomBusinessImage":         func(g *Gen) string { return imageBase + "/business" },
	"$randomCatsImage":             func(g *Gen) string { return imageBase + "/cats" },
	"$randomCityImage":             func(g *Gen) string { return imageBase + "/city" },
	"$randomFoodImage":             func(g *Gen) string { return imageBase + "/food" },
	"$randomNightlifeImage":        func(g *Gen) string { return imageBase + "/nightlife" },
	"$randomFashionImage":          func(g *Gen) string { return imageBase + "/fashion" },
	"$randomPeopleImage":           func(g *Gen) string { return imageBase + "/people" },
	"$randomNatureImage":           func(g *Gen) string { return imageBase + "/nature" },
	"$randomSportsImage":           func(g *Gen) string { return imageBase + "/sports" },
	"$randomTransportImage":        func(g *Gen) string { return imageBase + "/transport" },
	"$randomImageDataUri":          func(g *Gen) string { return imageDataURI() },
	"$randomFilePath":              func(g *Gen) string { return g.pick(directoryPaths) + "/" + g.fileName(g.pick(fileExts)) },
	"$randomDirectoryPath":         func(g *Gen) string { return g.pick(directoryPaths) },
	"$randomFileName":              func(g *Gen) string { return g.fileName(g.pick(fileExts)) },
	"$randomCommonFileName":        func(g *Gen) string { return g.fileName(g.pick(commonFileExts)) },
	"$randomMimeType":              (*Gen).mimeType,
	"$randomCommonFileType":        func(g *Gen) string { return g.pick(commonFileTypes) },
	"$randomCommonFileExt":         func(g *Gen) string { return g.pick(commonFileExts) },
	"$randomFileType":              func(g *Gen) string { t, _, _ := strings.Cut(g.mimeType(), "/"); return t },
	"$randomFileExt":               func(g *Gen) string { return g.pick(fileExts) },
	"$randomSemver":                func(g *Gen) string { return fmt.Sprintf("%d.%d.%d", g.r.IntN(10), g.r.IntN(10), g.r.IntN(10)) },
	"$randomLocale":                func(g *Gen) string { return g.pick(locales) },
	"$randomUUID":                  (*Gen).uuid,
	"$randomBoolean":               func(g *Gen) string { return strconv.FormatBool(g.r.IntN(2) == 1) },
	"$randomAlphaNumeric":          func(g *Gen) string { return g.randomChars(1, alphaNum) },
}

var dynamicNames = sync.OnceValue(func() []string {
	names := make([]string, 0, len(dynamicGen))
	for n := range dynamicGen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
})

// DynamicNames returns the names of all dynamic variables ("$guid", …),
// sorted.
func DynamicNames() []string { return append([]string(nil), dynamicNames()...) }

// Gen generates dynamic values. The zero of a run is the process-wide
// generator (random seeds); NewGen gives a run its own, so a seeded run
// repeats its values whatever runs beside it.
type Gen struct {
	mu sync.Mutex
	r  *rand.Rand
}

// NewGen returns a generator seeded with seed; 0 seeds it at random.
func NewGen(seed uint64) *Gen {
	if seed == 0 {
		return &Gen{r: rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))}
	}
	return &Gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// defaultGen is made on first use: most runs never generate a value.
var defaultGen = sync.OnceValue(func() *Gen { return NewGen(0) })

// Dynamic generates a fresh value for the dynamic variable name ("$guid")
// from the process-wide generator.
func Dynamic(name string) (string, bool) { return defaultGen().Dynamic(name) }

// Dynamic generates a fresh value for the dynamic variable name ("$guid").
// A nil Gen is the process-wide generator.
func (g *Gen) Dynamic(name string) (string, bool) {
	if g == nil {
		g = defaultGen()
	}
	gen, ok := dynamicGen[name]
	if !ok {
		return "", false
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return gen(g), true
}

// Float64 is a number in [0, 1) from g (Math.random of a seeded run).
func (g *Gen) Float64() float64 {
	if g == nil {
		g = defaultGen()
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.r.Float64()
}

// Read fills b with bytes from g (crypto.getRandomValues of a seeded run).
func (g *Gen) Read(b []byte) {
	if g == nil {
		g = defaultGen()
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for i := range b {
		b[i] = byte(g.r.Uint32())
	}
}

func (g *Gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *Gen) randDuration(max time.Duration) time.Duration {
	return time.Duration(g.r.Int64N(int64(max)))
}

const (
	wordChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
	alphaNum  = "abcdefghijklmnopqrstuvwxyz0123456789"
	imageBase = "http://placeimg.com/640/480"
)

func (g *Gen) randomChars(n int, set string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[g.r.IntN(len(set))]
	}
	return string(b)
}

// digits returns n random decimal digits; noLeadingZero keeps it a number.
func (g *Gen) digits(n int, noLeadingZero bool) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.r.IntN(10))
	}
	if noLeadingZero && n > 0 {
		b[0] = byte('1' + g.r.IntN(9))
	}
	return string(b)
}

// phoneNumber has faker's "!##-!##-####" shape (! is 2-9).
func (g *Gen) phoneNumber() string {
	return strconv.Itoa(2+g.r.IntN(8)) + g.digits(2, false) + "-" +
		strconv.Itoa(2+g.r.IntN(8)) + g.digits(2, false) + "-" + g.digits(4, false)
}

func (g *Gen) fullName() string {
	switch g.r.IntN(10) {
	case 0:
		return g.pick(namePrefixes) + " " + g.firstName() + " " + g.lastName()
	case 1:
		return g.firstName() + " " + g.lastName() + " " + g.pick(nameSuffixes)
	default:
		return g.firstName() + " " + g.lastName()
	}
}

func (g *Gen) streetName() string {
	n := g.lastName()
	if g.r.IntN(2) == 0 {
		n = g.firstName()
	}
	return n + " " + g.pick(streetSuffixes)
}

// userName has faker's shapes: "Jose26", "Verna_Gerlach", "Glenda.Welch80".
// As faker's, it drops the apostrophes of names such as O'Brien.
func (g *Gen) userName() string {
	first := g.firstName()
	last := func() string { return strings.ReplaceAll(g.lastName(), "'", "") }
	switch g.r.IntN(3) {
	case 0:
		return first + strconv.Itoa(g.r.IntN(100))
	case 1:
		return first + g.pick([]string{".", "_"}) + last()
	default:
		return first + g.pick([]string{".", "_"}) + last() + strconv.Itoa(g.r.IntN(100))
	}
}

func (g *Gen) domainWord() string {
	var b strings.Builder
	for _, r := range strings.ToLower(g.firstName()) {
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
func (g *Gen) handle() string {
	var b strings.Builder
	for _, r := range g.userNameHandle() {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "user"
	}
	return b.String()
}

func (g *Gen) domainName() string { return g.domainWord() + "." + g.pick(domainSuffixes) }

func (g *Gen) ipv4() string {
	return fmt.Sprintf("%d.%d.%d.%d", g.r.IntN(256), g.r.IntN(256), g.r.IntN(256), g.r.IntN(256))
}

// ipv6 writes all eight groups in full, as faker does (no "::").
func (g *Gen) ipv6() string {
	parts := make([]string, 8)
	for i := range parts {
		parts[i] = fmt.Sprintf("%04x", g.r.IntN(1<<16))
	}
	return strings.Join(parts, ":")
}

func (g *Gen) macAddress() string {
	parts := make([]string, 6)
	for i := range parts {
		parts[i] = fmt.Sprintf("%02x", g.r.IntN(256))
	}
	return strings.Join(parts, ":")
}

// randomWord draws from several vocabularies, like faker.random.word, and
// as faker keeps one word of an entry of several ("Cedar Falls"): the value
// never holds a space, so $randomWords has 2 to 5 of them.
func (g *Gen) randomWord() string {
	lists := [...][]string{nouns, adjectives, verbs, states, safeColors, hackerNouns, buzzWords, productMaterials,
		products, catchNouns, cities}
	parts := strings.Fields(g.pick(lists[g.r.IntN(len(lists))]))
	return parts[g.r.IntN(len(parts))]
}

func (g *Gen) randomWords() string {
	n := 2 + g.r.IntN(4)
	w := make([]string, n)
	for i := range w {
		w[i] = g.randomWord()
	}
	return strings.Join(w, " ")
}

func (g *Gen) loremWords(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = g.pick(loremWords)
	}
	return strings.Join(w, " ")
}

func (g *Gen) loremSentence() string {
	s := g.loremWords(3 + g.r.IntN(8))
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (g *Gen) loremSentences(n int, sep string) string {
	s := make([]string, n)
	for i := range s {
		s[i] = g.loremSentence()
	}
	return strings.Join(s, sep)
}

func (g *Gen) loremParagraph() string { return g.loremSentences(3+g.r.IntN(4), " ") }

// loremText is faker.lorem.text: one of the other lorem generators.
func (g *Gen) loremText() string {
	switch g.r.IntN(7) {
	case 0:
		return g.pick(loremWords)
	case 1:
		return g.loremWords(3)
	case 2:
		return g.loremSentence()
	case 3:
		return g.loremSentences(2+g.r.IntN(5), " ")
	case 4:
		return g.loremParagraph()
	case 5:
		return g.loremParagraph() + "\n \r" + g.loremParagraph() + "\n \r" + g.loremParagraph()
	default:
		return g.loremSentences(1+g.r.IntN(5), "\n")
	}
}

func (g *Gen) companyName() string {
	switch g.r.IntN(3) {
	case 0:
		return g.lastName() + " " + g.pick(companySuffixes)
	case 1:
		return g.lastName() + " - " + g.lastName()
	default:
		return g.lastName() + ", " + g.lastName() + " and " + g.lastName()
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
func (g *Gen) iban() string {
	c := ibanFormats[g.r.IntN(len(ibanFormats))]
	var bban strings.Builder
	for _, p := range c.pattern {
		switch p {
		case 'a':
			bban.WriteByte(byte('A' + g.r.IntN(26)))
		default:
			bban.WriteByte(byte('0' + g.r.IntN(10)))
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

// bic has faker 5.5.3's shape: three letters, a vowel, a country code, a
// letter and "1", then (one time in ten) letter, vowel, letter or (three in
// ten) three digits: "UWOOKRB1", "VXAUCGW1WIB", "GOGUMHI1123".
func (g *Gen) bic() string {
	const letters, vowels = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "AEIOU"
	_, country := g.country()
	s := g.randomChars(3, letters) + g.randomChars(1, vowels) + country + g.randomChars(1, letters) + "1"
	switch p := g.r.IntN(101); {
	case p < 10:
		s += g.randomChars(1, letters) + g.randomChars(1, vowels) + g.randomChars(1, letters)
	case p < 40:
		s += g.digits(3, false)
	}
	return s
}

func (g *Gen) fileName(ext string) string {
	n := 1 + g.r.IntN(3)
	w := make([]string, 0, n)
	for len(w) < n {
		if word := lettersOnly(g.pick(nouns)); word != "" {
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

func (g *Gen) mimeType() string { return g.pick(mimeTypes) }

// imageDataURI is what faker 5.5.3's image.dataUri() returns when called
// without arguments, as Postman does: an SVG whose size is "undefined".
var imageDataURI = sync.OnceValue(func() string {
	return "data:image/svg+xml;charset=UTF-8," + jsuri.EncodeURIComponent(
		`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" baseProfile="full" width="undefined" height="undefined">`+
			`<rect width="100%" height="100%" fill="grey"/>`+
			`<text x="NaN" y="NaN" font-size="20" alignment-baseline="middle" text-anchor="middle" fill="white">undefinedxundefined</text></svg>`)
})

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
