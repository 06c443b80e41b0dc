package environments

import (
	"github.com/courier-run/courier/internal/testenv"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// dynamicShapes says what each dynamic variable's value must look like,
// modelled on faker 5.5.3 output as Postman produces it.
var dynamicShapes = map[string]string{
	"$guid":                        `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`,
	"$randomUUID":                  `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`,
	"$timestamp":                   `^\d{10}$`,
	"$isoTimestamp":                `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`,
	"$randomInt":                   `^(\d{1,3}|1000)$`,
	"$randomFirstName":             `^[A-Z][\p{L}' -]+$`,
	"$randomLastName":              `^[A-Z][\p{L}' -]+$`,
	"$randomFullName":              `^\S+( \S+)+$`,
	"$randomNamePrefix":            `^(Mr\.|Mrs\.|Ms\.|Miss|Dr\.)$`,
	"$randomNameSuffix":            `^(Jr\.|Sr\.|I|II|III|IV|V|MD|DDS|PhD|DVM)$`,
	"$randomJobTitle":              `^\S+ \S+ \S+`,
	"$randomJobDescriptor":         `^[A-Z]\w+`,
	"$randomJobArea":               `^[A-Z]\w+`,
	"$randomJobType":               `^[A-Z][a-z]+$`,
	"$randomPhoneNumber":           `^[2-9]\d\d-[2-9]\d\d-\d{4}$`,
	"$randomPhoneNumberExt":        `^\d{1,2}-[2-9]\d\d-[2-9]\d\d-\d{4}$`,
	"$randomCity":                  `^\S.*\S$`,
	"$randomStreetName":            `^[A-Z][\p{L}'-]+ [A-Z][a-z]+$`,
	"$randomStreetAddress":         `^[1-9]\d{2,4} [A-Z][\p{L}'-]+ [A-Z][a-z]+$`,
	"$randomCountry":               `^\S.*\S$`,
	"$randomCountryCode":           `^[A-Z]{2}$`,
	"$randomLatitude":              `^-?\d{1,2}\.\d{4}$`,
	"$randomLongitude":             `^-?\d{1,3}\.\d{4}$`,
	"$randomEmail":                 `^[\w.]+@(gmail|yahoo|hotmail)\.com$`,
	"$randomExampleEmail":          `^[\w.]+@example\.(com|net|org)$`,
	"$randomUserName":              `^[\p{L}'-]+([._][\p{L}'-]+)?\d*$`,
	"$randomProtocol":              `^https?$`,
	"$randomUrl":                   `^https?://[a-z0-9-]+\.(com|biz|info|name|net|org)$`,
	"$randomDomainName":            `^[a-z0-9-]+\.(com|biz|info|name|net|org)$`,
	"$randomDomainSuffix":          `^(com|biz|info|name|net|org)$`,
	"$randomDomainWord":            `^[a-z0-9-]+$`,
	"$randomIP":                    `^(\d{1,3}\.){3}\d{1,3}$`,
	"$randomIPV6":                  `^([0-9a-f]{4}:){7}[0-9a-f]{4}$`,
	"$randomUserAgent":             `^(Mozilla|Opera)/\d+\.\d+ \(`,
	"$randomHexColor":              `^#[0-9a-f]{6}$`,
	"$randomMACAddress":            `^([0-9a-f]{2}:){5}[0-9a-f]{2}$`,
	"$randomPassword":              `^\w{15}$`,
	"$randomWords":                 `^\S+( \S+){1,4}$`,
	"$randomWord":                  `^\S+$`,
	"$randomAbbreviation":          `^[A-Z0-9]{2,5}$`,
	"$randomAdjective":             `^[a-z0-9][a-z0-9 -]+$`,
	"$randomNoun":                  `^[a-z][a-z -]+$`,
	"$randomVerb":                  `^[a-z][a-z -]+$`,
	"$randomIngverb":               `^[a-z][a-z -]+ing( up)?$`,
	"$randomPhrase":                `^[A-Z].*[.!?]$`,
	"$randomLoremWord":             `^[a-z]+$`,
	"$randomLoremWords":            `^[a-z]+ [a-z]+ [a-z]+$`,
	"$randomLoremSentence":         `^[A-Z][a-z]*( [a-z]+){2,9}\.$`,
	"$randomLoremSlug":             `^[a-z]+-[a-z]+-[a-z]+$`,
	"$randomLoremSentences":        `^[A-Z][a-z ]+\.( [A-Z][a-z ]+\.)+$`,
	"$randomLoremParagraph":        `^[A-Z][a-z ]+\.( [A-Z][a-z ]+\.){2,}$`,
	"$randomLoremParagraphs":       `^[A-Z][A-Za-z .]+\.\n \r[A-Z][A-Za-z .]+\.\n \r[A-Z][A-Za-z .]+\.$`,
	"$randomLoremText":             `^[A-Za-z]`,
	"$randomLoremLines":            `^[A-Z][a-z ]+\.(\n[A-Z][a-z ]+\.)*$`,
	"$randomColor":                 `^[a-z]+$`,
	"$randomDepartment":            `^[A-Z][a-z]+$`,
	"$randomProductName":           `^[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+$`,
	"$randomProductAdjective":      `^[A-Z][a-z]+$`,
	"$randomProductMaterial":       `^[A-Z][a-z]+$`,
	"$randomProduct":               `^[A-Z][a-z]+$`,
	"$randomCompanyName":           `^[A-Z]\S*( - [A-Z]\S*|, [A-Z]\S* and [A-Z]\S*| (Inc|and Sons|LLC|Group))$`,
	"$randomCompanySuffix":         `^(Inc|and Sons|LLC|Group)$`,
	"$randomCatchPhrase":           `^[A-Z][\w/-]* [\w /-]+$`,
	"$randomBs":                    `^[a-z][\w-]* [\w/-]+ [\w -]+$`,
	"$randomCatchPhraseAdjective":  `^[A-Z][\w-]+$`,
	"$randomCatchPhraseDescriptor": `^[\w /-]+$`,
	"$randomCatchPhraseNoun":       `^[a-z][\w -]+$`,
	"$randomBsAdjective":           `^[\w/-]+$`,
	"$randomBsBuzz":                `^[a-z][\w-]+$`,
	"$randomBsNoun":                `^[\w -]+$`,
	"$randomDatabaseColumn":        `^[a-zA-Z]+$`,
	"$randomDatabaseType":          `^[a-z]+$`,
	"$randomDatabaseCollation":     `^[a-z0-9]+_[a-z_]+$`,
	"$randomDatabaseEngine":        `^[A-Za-z]+$`,
	"$randomDatePast":              `^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d \d{4} \d\d:\d\d:\d\d GMT[+-]\d{4} \(.+\)$`,
	"$randomDateFuture":            `^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d \d{4} \d\d:\d\d:\d\d GMT[+-]\d{4} \(.+\)$`,
	"$randomDateRecent":            `^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d \d{4} \d\d:\d\d:\d\d GMT[+-]\d{4} \(.+\)$`,
	"$randomMonth":                 `^(January|February|March|April|May|June|July|August|September|October|November|December)$`,
	"$randomWeekday":               `^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$`,
	"$randomBankAccount":           `^\d{8}$`,
	"$randomBankAccountName":       `^[A-Z][a-z]+( [A-Z][a-z]+)? Account$`,
	"$randomCreditCardMask":        `^\d{4}$`,
	"$randomPrice":                 `^\d{1,4}\.\d\d$`,
	"$randomTransactionType":       `^(deposit|withdrawal|payment|invoice)$`,
	"$randomCurrencyCode":          `^[A-Z]{3}$`,
	"$randomCurrencyName":          `^\S.*\S$`,
	"$randomCurrencySymbol":        `^\S+$`,
	"$randomBitcoin":               `^[13][a-zA-Z0-9]{25,34}$`,
	"$randomBankAccountIban":       `^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$`,
	"$randomBankAccountBic":        `^[A-Z]{3}[AEIOU][A-Z]{2}[A-Z]1([A-Z][AEIOU][A-Z]|[0-9]{3})?$`,
	"$randomAvatarImage":           `^https://cdn\.fakercloud\.com/avatars/\w+_128\.jpg$`,
	"$randomImageUrl":              `^http://placeimg\.com/640/480$`,
	"$randomAbstractImage":         `^http://placeimg\.com/640/480/abstract$`,
	"$randomAnimalsImage":          `^http://placeimg\.com/640/480/animals$`,
	"$randomBusinessImage":         `^http://placeimg\.com/640/480/business$`,
	"$randomCatsImage":             `^http://placeimg\.com/640/480/cats$`,
	"$randomCityImage":             `^http://placeimg\.com/640/480/city$`,
	"$randomFoodImage":             `^http://placeimg\.com/640/480/food$`,
	"$randomNightlifeImage":        `^http://placeimg\.com/640/480/nightlife$`,
	"$randomFashionImage":          `^http://placeimg\.com/640/480/fashion$`,
	"$randomPeopleImage":           `^http://placeimg\.com/640/480/people$`,
	"$randomNatureImage":           `^http://placeimg\.com/640/480/nature$`,
	"$randomSportsImage":           `^http://placeimg\.com/640/480/sports$`,
	"$randomTransportImage":        `^http://placeimg\.com/640/480/transport$`,
	"$randomImageDataUri":          `^data:image/svg\+xml;charset=UTF-8,%3Csvg%20`,
	"$randomFilePath":              `^/[\w/+.-]*/[a-z_]+\.\w+$`,
	"$randomDirectoryPath":         `^/[\w/+.-]*$`,
	"$randomFileName":              `^[a-z_]+\.\w+$`,
	"$randomCommonFileName":        `^[a-z_]+\.\w+$`,
	"$randomMimeType":              `^[a-z-]+/[\w.+-]+$`,
	"$randomCommonFileType":        `^(video|audio|image|text|application)$`,
	"$randomCommonFileExt":         `^\w+$`,
	"$randomFileType":              `^[a-z-]+$`,
	"$randomFileExt":               `^\w+$`,
	"$randomSemver":                `^\d\.\d\.\d$`,
	"$randomLocale":                `^[a-z]{2,3}$`,
	"$randomBoolean":               `^(true|false)$`,
	"$randomAlphaNumeric":          `^[a-z0-9]$`,
}

// constantDynamic are generators whose faker 5.5.3 output never varies.
var constantDynamic = map[string]bool{
	"$randomImageUrl": true, "$randomAbstractImage": true, "$randomAnimalsImage": true,
	"$randomBusinessImage": true, "$randomCatsImage": true, "$randomCityImage": true,
	"$randomFoodImage": true, "$randomNightlifeImage": true, "$randomFashionImage": true,
	"$randomPeopleImage": true, "$randomNatureImage": true, "$randomSportsImage": true,
	"$randomTransportImage": true, "$randomImageDataUri": true,
	"$timestamp": true, "$isoTimestamp": true, // change with the clock only
}

func TestDynamicNames(t *testing.T) {
	t.Parallel()
	names := DynamicNames()
	if len(names) != 118 {
		t.Errorf("got %d dynamic variables, want 118", len(names))
	}
	if !sort.StringsAreSorted(names) {
		t.Error("DynamicNames is not sorted")
	}
	for _, n := range names {
		if _, ok := dynamicShapes[n]; !ok {
			t.Errorf("%s has no shape in this test", n)
		}
	}
	for n := range dynamicShapes {
		if _, ok := Dynamic(n); !ok {
			t.Errorf("Dynamic(%q) is missing", n)
		}
	}
	if _, ok := Dynamic("$nope"); ok {
		t.Error(`Dynamic("$nope") reported ok`)
	}
}

// TestDynamicNamesMatchReference compares our list with the 118 names the
// shared reference (PM_API.md §2.4) lists from postman-collection.
func TestDynamicNamesMatchReference(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("../../shared/PM_API.md")
	if err != nil {
		testenv.Skip(t, "../shared/PM_API.md is absent (it sits beside the clone in CI)")
	}
	_, sec, ok := strings.Cut(string(doc), "### 2.4 Dynamic variables")
	if !ok {
		t.Fatal("section 2.4 not found")
	}
	sec, _, _ = strings.Cut(sec, "### 2.5")
	want := map[string]bool{}
	for _, m := range regexp.MustCompile(`\$(guid|timestamp|isoTimestamp|random[A-Za-z0-9]+)`).FindAllString(sec, -1) {
		want[m] = true
	}
	if len(want) != 118 {
		t.Fatalf("reference lists %d names, want 118", len(want))
	}
	for n := range want {
		if _, ok := Dynamic(n); !ok {
			t.Errorf("reference name %s is missing", n)
		}
	}
}

func TestDynamicShapes(t *testing.T) {
	t.Parallel()
	for _, name := range DynamicNames() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			re := regexp.MustCompile(dynamicShapes[name])
			seen := map[string]bool{}
			for range 40 {
				v, _ := Dynamic(name)
				if v == "" {
					t.Fatal("empty value")
				}
				if !re.MatchString(v) {
					t.Fatalf("%q does not match %s", v, re)
				}
				seen[v] = true
			}
			if !constantDynamic[name] && len(seen) < 2 {
				t.Errorf("40 calls gave one value %v; each occurrence must be fresh", seen)
			}
		})
	}
}

func TestDynamicValues(t *testing.T) {
	t.Parallel()
	before := time.Now().Unix()
	ts, _ := Dynamic("$timestamp")
	n, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || n < before || n > time.Now().Unix()+1 {
		t.Errorf("$timestamp = %q, want Unix seconds near %d", ts, before)
	}
	iso, _ := Dynamic("$isoTimestamp")
	if at, err := time.Parse(time.RFC3339Nano, iso); err != nil || time.Since(at) > time.Minute {
		t.Errorf("$isoTimestamp = %q (%v)", iso, err)
	}
	for range 200 {
		v, _ := Dynamic("$randomInt")
		if i, err := strconv.Atoi(v); err != nil || i < 0 || i > 1000 {
			t.Fatalf("$randomInt = %q", v)
		}
		iban, _ := Dynamic("$randomBankAccountIban")
		if !ibanValid(iban) {
			t.Fatalf("IBAN %q fails its check digits", iban)
		}
		past, _ := Dynamic("$randomDatePast")
		if at, err := time.Parse("Mon Jan 02 2006 15:04:05 GMT-0700", past[:strings.Index(past, " (")]); err != nil || at.After(time.Now()) {
			t.Fatalf("$randomDatePast = %q (%v)", past, err)
		}
	}
	// Postman calls faker's image.dataUri() without a size.
	const want = "data:image/svg+xml;charset=UTF-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20version%3D%221.1%22%20baseProfile%3D%22full%22%20width%3D%22undefined%22%20height%3D%22undefined%22%3E%3Crect%20width%3D%22100%25%22%20height%3D%22100%25%22%20fill%3D%22grey%22%2F%3E%3Ctext%20x%3D%22NaN%22%20y%3D%22NaN%22%20font-size%3D%2220%22%20alignment-baseline%3D%22middle%22%20text-anchor%3D%22middle%22%20fill%3D%22white%22%3Eundefinedxundefined%3C%2Ftext%3E%3C%2Fsvg%3E"
	if got, _ := Dynamic("$randomImageDataUri"); got != want {
		t.Errorf("$randomImageDataUri = %q", got)
	}
}

// ibanValid checks ISO 13616 mod-97 check digits, independently of iban().
func ibanValid(s string) bool {
	r := s[4:] + s[:4]
	rem := 0
	for _, c := range r {
		var d string
		switch {
		case c >= '0' && c <= '9':
			d = string(c)
		case c >= 'A' && c <= 'Z':
			d = strconv.Itoa(int(c-'A') + 10)
		default:
			return false
		}
		for _, x := range d {
			rem = (rem*10 + int(x-'0')) % 97
		}
	}
	return rem == 1
}

// TestSeededGenRepeats: two generators with the same seed give the same
// values for every dynamic variable (apart from the clock-based ones), and
// another seed gives others.
func TestSeededGenRepeats(t *testing.T) {
	t.Parallel()
	a, b, c := NewGen(7), NewGen(7), NewGen(8)
	clock := map[string]bool{"$timestamp": true, "$isoTimestamp": true, "$randomDatePast": true, "$randomDateFuture": true, "$randomDateRecent": true}
	differs := 0
	for round := 0; round < 3; round++ {
		for _, name := range DynamicNames() {
			va, _ := a.Dynamic(name)
			vb, _ := b.Dynamic(name)
			vc, _ := c.Dynamic(name)
			if clock[name] {
				continue
			}
			if va != vb {
				t.Errorf("%s: seed 7 gave %q then %q", name, va, vb)
			}
			if va != vc {
				differs++
			}
		}
	}
	if differs < 100 {
		t.Errorf("seeds 7 and 8 gave %d different values, want most of them", differs)
	}
	if a.Float64() != b.Float64() {
		t.Error("Float64 differs between two generators of one seed")
	}
	var x, y [16]byte
	a.Read(x[:])
	b.Read(y[:])
	if x != y {
		t.Error("Read differs between two generators of one seed")
	}
}

// TestDynamicWordListsFitShapes checks every entry of the vocabularies
// against the shape of the variable that picks from it (TestDynamicShapes
// only samples), and every phrase template's placeholders.
func TestDynamicWordListsFitShapes(t *testing.T) {
	t.Parallel()
	var countryNames, countryCodes, currencyCodes, currencyNames []string
	for _, c := range countries {
		countryCodes, countryNames = append(countryCodes, c[0]), append(countryNames, c[1])
	}
	for _, c := range currencies {
		currencyCodes, currencyNames = append(currencyCodes, c[0]), append(currencyNames, c[1])
	}
	lists := []struct {
		variable string
		words    []string
	}{
		{"$randomFirstName", firstNames}, {"$randomLastName", lastNames},
		{"$randomJobDescriptor", jobDescriptors}, {"$randomJobArea", jobAreas},
		{"$randomCity", cities}, {"$randomCountry", countryNames}, {"$randomCountryCode", countryCodes},
		{"$randomCurrencyCode", currencyCodes}, {"$randomCurrencyName", currencyNames},
		{"$randomAbbreviation", hackerAbbreviations}, {"$randomAdjective", hackerAdjectives},
		{"$randomNoun", hackerNouns}, {"$randomVerb", hackerVerbs}, {"$randomIngverb", hackerIngVerbs},
		{"$randomLoremWord", loremWords}, {"$randomColor", safeColors}, {"$randomMimeType", mimeTypes},
		{"$randomFileName", func() (n []string) {
			for _, w := range nouns {
				n = append(n, lettersOnly(w)+".txt")
			}
			return n
		}()},
	}
	for _, l := range lists {
		re := regexp.MustCompile(dynamicShapes[l.variable])
		seen := map[string]bool{}
		for _, w := range l.words {
			if !re.MatchString(w) {
				t.Errorf("%s: %q does not match %s", l.variable, w, re)
			}
			if seen[w] {
				t.Errorf("%s: %q is listed twice", l.variable, w)
			}
			seen[w] = true
		}
	}
	placeholder := regexp.MustCompile(`\{[^}]*\}`)
	for _, p := range hackerPhrases {
		for _, m := range placeholder.FindAllString(p, -1) {
			if m != "{a}" && m != "{adj}" && m != "{n}" && m != "{v}" && m != "{ing}" {
				t.Errorf("phrase %q: unknown placeholder %s", p, m)
			}
		}
	}
	// Abbreviations are capital letters only: PingOne's tutorials name roles
	// "Reader_{{$randomAbbreviation}}" and check them against /^Reader_[A-Z]+$/.
	for _, a := range hackerAbbreviations {
		if strings.Trim(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			t.Errorf("abbreviation %q is not capital letters only", a)
		}
	}
	// faker's user names drop the apostrophe of names such as O'Brien.
	g := NewGen(3)
	for range 2000 {
		if u := g.userName(); strings.Contains(u, "'") {
			t.Fatalf("user name %q keeps an apostrophe", u)
		}
	}
}
