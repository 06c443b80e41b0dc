package environments

import (
	"strconv"
	"strings"
)

// The vocabularies behind the dynamic variables that pick words (names,
// places, the "hacker" and lorem texts...), and the generators that combine
// them. Postman draws these from faker's en locale; ours are smaller lists of
// the same kinds of words, so values have faker's shapes without its exact
// vocabulary. They are plain slices of constants, laid out by the linker:
// a program that never generates a value pays nothing for them at start-up.

func (g *Gen) firstName() string { return g.pick(firstNames) }
func (g *Gen) lastName() string  { return g.pick(lastNames) }

// uuid is a random (version 4) UUID in its lower-case text form.
func (g *Gen) uuid() string {
	var b [16]byte
	hi, lo := g.r.Uint64(), g.r.Uint64()
	for i := range 8 {
		b[i], b[8+i] = byte(hi>>(8*i)), byte(lo>>(8*i))
	}
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 9562 variant
	const hex = "0123456789abcdef"
	out := make([]byte, 0, 36)
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hex[c>>4], hex[c&0x0f])
	}
	return string(out)
}

// country returns a country's name and its ISO 3166 alpha-2 code.
func (g *Gen) country() (name, code string) {
	c := countries[g.r.IntN(len(countries))]
	return c[1], c[0]
}

// currency returns a currency's ISO 4217 code and its name.
func (g *Gen) currency() (code, name string) {
	c := currencies[g.r.IntN(len(currencies))]
	return c[0], c[1]
}

// userAgent has the shape of a browser's User-Agent header: Mozilla/5.0
// and a platform in parentheses, then the engine's and browser's tokens.
func (g *Gen) userAgent() string {
	platform := g.pick(uaPlatforms)
	major := strconv.Itoa(60 + g.r.IntN(70))
	switch g.r.IntN(4) {
	case 0: // Firefox
		return "Mozilla/5.0 (" + platform + "; rv:" + major + ".0) Gecko/20100101 Firefox/" + major + ".0"
	case 1: // Safari
		v := strconv.Itoa(10+g.r.IntN(8)) + "." + strconv.Itoa(g.r.IntN(6))
		return "Mozilla/5.0 (" + platform + ") AppleWebKit/605.1.15 (KHTML, like Gecko) Version/" + v + " Safari/605.1.15"
	case 2: // Opera's old Presto form
		return "Opera/9." + strconv.Itoa(10+g.r.IntN(80)) + " (" + platform + "; en-US) Presto/2." + strconv.Itoa(g.r.IntN(13)) + "." + strconv.Itoa(100+g.r.IntN(300)) + " Version/1" + strconv.Itoa(g.r.IntN(3)) + ".00"
	default: // Chrome and its kin
		build := major + ".0." + strconv.Itoa(1000+g.r.IntN(6000)) + "." + strconv.Itoa(g.r.IntN(200))
		return "Mozilla/5.0 (" + platform + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + build + " Safari/537.36"
	}
}

// hackerPhrase fills one of the phrase templates: {a} abbreviation,
// {adj} adjective, {n} noun, {v} verb, {ing} -ing verb.
func (g *Gen) hackerPhrase() string {
	t := g.pick(hackerPhrases)
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			break
		}
		j := strings.IndexByte(t[i:], '}') + i
		b.WriteString(t[:i])
		switch t[i+1 : j] {
		case "a":
			b.WriteString(g.pick(hackerAbbreviations))
		case "adj":
			b.WriteString(g.pick(hackerAdjectives))
		case "n":
			b.WriteString(g.pick(hackerNouns))
		case "v":
			b.WriteString(g.pick(hackerVerbs))
		case "ing":
			b.WriteString(g.pick(hackerIngVerbs))
		}
		t = t[j+1:]
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// bitcoinAddress has the shape of a legacy (1...) or script (3...) address:
// 26 to 34 base58 characters.
func (g *Gen) bitcoinAddress() string {
	const base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
	return g.pick([]string{"1", "3"}) + g.randomChars(25+g.r.IntN(9), base58)
}

// userNameHandle is a user name of letters, digits and underscores, as the
// avatar URLs carry.
func (g *Gen) userNameHandle() string {
	switch g.r.IntN(3) {
	case 0:
		return g.firstName() + strconv.Itoa(g.r.IntN(100))
	case 1:
		return g.firstName() + "_" + g.lastName()
	default:
		return strings.ToLower(g.firstName()[:1]) + g.lastName() + strconv.Itoa(1000+g.r.IntN(9000))
	}
}

var (
	firstNames = []string{"Aaliyah", "Abigail", "Adam", "Adrian", "Aiden", "Alan", "Albert", "Alec", "Alexa", "Alfred",
		"Alice", "Alma", "Amelia", "Amos", "Andrea", "Angela", "Anna", "Anthony", "Archie", "Arlene", "Arthur", "Audrey",
		"Beatrice", "Benjamin", "Bernard", "Bess", "Beverly", "Blake", "Bonnie", "Brandon", "Brenda", "Bruce", "Caleb",
		"Camila", "Carl", "Carmen", "Caroline", "Cecil", "Charlotte", "Chester", "Chloe", "Clara", "Claude", "Colin",
		"Cora", "Craig", "Daisy", "Dale", "Daniel", "Daphne", "Darius", "Delia", "Dennis", "Diana", "Dominic", "Dora",
		"Dorothy", "Dustin", "Edgar", "Edith", "Edwin", "Eileen", "Elena", "Eli", "Elise", "Elliot", "Emil", "Emma",
		"Esther", "Ethan", "Eugene", "Evelyn", "Felix", "Fiona", "Floyd", "Frances", "Gabriel", "Gail", "Gavin", "Georgia",
		"Gerald", "Gilbert", "Gloria", "Grace", "Gregory", "Gwen", "Hank", "Harold", "Harriet", "Hazel", "Hector", "Helen",
		"Henry", "Hilda", "Hugo", "Ian", "Ida", "Irene", "Isaac", "Ivy", "Jack", "Jasmine", "Jasper", "Jean", "Jerome",
		"Joan", "Joel", "Josephine", "Joy", "Julian", "June", "Karen", "Kate", "Keith", "Kendra", "Kirk", "Laura", "Lena",
		"Leo", "Leon", "Lillian", "Lionel", "Lois", "Louis", "Lucy", "Luke", "Mabel", "Marcus", "Margaret", "Marian",
		"Martin", "Mason", "Maud", "Maxine", "Melvin", "Mia", "Miles", "Miriam", "Morris", "Nadia", "Nathan", "Nell",
		"Neil", "Nina", "Noah", "Nora", "Oliver", "Olive", "Omar", "Oscar", "Otis", "Pamela", "Patrick", "Pearl", "Peter",
		"Phoebe", "Quentin", "Rachel", "Ralph", "Regina", "Rex", "Rhoda", "Robin", "Rosa", "Roy", "Ruby", "Rufus", "Ruth",
		"Sabrina", "Samuel", "Sandra", "Selma", "Seth", "Sharon", "Silas", "Sophie", "Stanley", "Stella", "Sylvia",
		"Tanya", "Terrence", "Thea", "Theodore", "Tobias", "Trudy", "Una", "Ursula", "Valerie", "Vernon", "Vera",
		"Victor", "Viola", "Wade", "Walter", "Wanda", "Wesley", "Wilma", "Xavier", "Yolanda", "Yvonne", "Zachary", "Zelda"}
	lastNames = []string{"Abbott", "Adams", "Aldridge", "Armstrong", "Atkins", "Bailey", "Barker", "Barton", "Beck",
		"Bennett", "Bishop", "Blackwell", "Bowman", "Bradley", "Brennan", "Brooks", "Buckley", "Burke", "Calloway",
		"Carpenter", "Carver", "Chandler", "Chapman", "Clarke", "Cobb", "Coleman", "Conley", "Cooper", "Crawford",
		"Cross", "Dalton", "Daugherty", "Dawson", "Delaney", "Dixon", "Donnelly", "Doyle", "Drake", "Dunn", "Eaton",
		"Ellison", "Emerson", "Farrell", "Fenwick", "Fischer", "Fleming", "Fletcher", "Ford", "Foster", "Fowler",
		"Gallagher", "Gardner", "Garrison", "Gibbs", "Goodwin", "Graham", "Griffin", "Hale", "Hammond", "Hansen",
		"Harper", "Hartley", "Hawkins", "Hayes", "Hendricks", "Hobbs", "Holloway", "Hopkins", "Howell", "Hubbard",
		"Ingram", "Jacobs", "Jennings", "Kemp", "Kessler", "Kirby", "Klein", "Lambert", "Lancaster", "Larson", "Lawson",
		"Lindgren", "Lowe", "Lynch", "MacGregor", "Maddox", "Marsh", "Maxwell", "McBride", "Mercer", "Miller", "Morrow",
		"Murphy", "Nash", "Newton", "Nolan", "Norris", "O'Brien", "O'Connell", "Ortiz", "Osborne", "Parsons", "Patton",
		"Perkins", "Pierce", "Porter", "Prescott", "Quigley", "Quinn", "Ramsey", "Reeves", "Reilly", "Rhodes", "Riley",
		"Rowe", "Russell", "Sanders", "Sawyer", "Schmidt", "Shannon", "Shaw", "Sheridan", "Simmons", "Slater", "Stanton",
		"Stokes", "Sullivan", "Sutton", "Tanner", "Thornton", "Todd", "Townsend", "Tucker", "Turner", "Underwood",
		"Vance", "Vaughn", "Wagner", "Walsh", "Warren", "Watkins", "Webster", "Wheeler", "Whitaker", "Wilkinson",
		"Winters", "Wolfe", "Wyatt", "Yates", "Young", "Zimmerman"}

	jobDescriptors = []string{"Lead", "Senior", "Junior", "Principal", "Chief", "Head", "Global", "Regional", "National",
		"International", "District", "Corporate", "Central", "Internal", "Direct", "Dynamic", "Forward", "Legacy",
		"Product", "Customer", "Human", "Investor", "Future"}
	jobAreas = []string{"Accounts", "Analytics", "Applications", "Assurance", "Brand", "Communications", "Compliance",
		"Configuration", "Creative", "Data", "Delivery", "Design", "Engineering", "Experience", "Finance", "Growth",
		"Identity", "Implementation", "Infrastructure", "Integration", "Logistics", "Marketing", "Metrics", "Mobility",
		"Operations", "Optimization", "Partnerships", "Platform", "Program", "Quality", "Research", "Response",
		"Security", "Solutions", "Strategy", "Support", "Tactics", "Usability", "Web"}

	cities = []string{"Ashford", "Bayview", "Bellmont", "Brookhaven", "Cedar Falls", "Clearwater", "Coldspring",
		"Dover Heights", "Eastport", "Elmwood", "Fairhaven", "Glen Ridge", "Greenfield", "Harbor City", "Hillsborough",
		"Kingsport", "Lake Marion", "Lakewood", "Maple Grove", "Marshfield", "Millbrook", "New Carlton", "North Ashby",
		"Oakdale", "Old Bridge", "Pinecrest", "Port Dalton", "Redwood Valley", "Riverside", "Rockport", "Salem Springs",
		"Silverton", "South Harlan", "Springdale", "Stonebridge", "Summerville", "Westbury", "West Larson", "Willowby",
		"Windham"}
	states = []string{"Alabama", "Alaska", "Arizona", "California", "Colorado", "Delaware", "Florida", "Georgia",
		"Idaho", "Illinois", "Iowa", "Kansas", "Maine", "Maryland", "Michigan", "Montana", "Nebraska", "Nevada",
		"New Mexico", "New York", "Ohio", "Oregon", "Texas", "Utah", "Vermont", "Virginia", "Wisconsin", "Wyoming"}
	// countries are [ISO 3166 alpha-2 code, name].
	countries = [][2]string{{"AR", "Argentina"}, {"AU", "Australia"}, {"AT", "Austria"}, {"BE", "Belgium"},
		{"BR", "Brazil"}, {"BG", "Bulgaria"}, {"CA", "Canada"}, {"CL", "Chile"}, {"CN", "China"}, {"CO", "Colombia"},
		{"HR", "Croatia"}, {"CZ", "Czech Republic"}, {"DK", "Denmark"}, {"EG", "Egypt"}, {"EE", "Estonia"},
		{"FI", "Finland"}, {"FR", "France"}, {"DE", "Germany"}, {"GH", "Ghana"}, {"GR", "Greece"}, {"HU", "Hungary"},
		{"IS", "Iceland"}, {"IN", "India"}, {"ID", "Indonesia"}, {"IE", "Ireland"}, {"IL", "Israel"}, {"IT", "Italy"},
		{"JP", "Japan"}, {"KE", "Kenya"}, {"LV", "Latvia"}, {"LT", "Lithuania"}, {"LU", "Luxembourg"},
		{"MY", "Malaysia"}, {"MX", "Mexico"}, {"MA", "Morocco"}, {"NL", "Netherlands"}, {"NZ", "New Zealand"},
		{"NG", "Nigeria"}, {"NO", "Norway"}, {"PE", "Peru"}, {"PH", "Philippines"}, {"PL", "Poland"},
		{"PT", "Portugal"}, {"RO", "Romania"}, {"SA", "Saudi Arabia"}, {"SG", "Singapore"}, {"SK", "Slovakia"},
		{"SI", "Slovenia"}, {"ZA", "South Africa"}, {"KR", "South Korea"}, {"ES", "Spain"}, {"SE", "Sweden"},
		{"CH", "Switzerland"}, {"TH", "Thailand"}, {"TR", "Turkey"}, {"UA", "Ukraine"},
		{"AE", "United Arab Emirates"}, {"GB", "United Kingdom"}, {"US", "United States of America"},
		{"UY", "Uruguay"}, {"VN", "Vietnam"}}
	// currencies are [ISO 4217 code, name].
	currencies = [][2]string{{"AUD", "Australian Dollar"}, {"BRL", "Brazilian Real"}, {"CAD", "Canadian Dollar"},
		{"CHF", "Swiss Franc"}, {"CLP", "Chilean Peso"}, {"CNY", "Yuan Renminbi"}, {"CZK", "Czech Koruna"},
		{"DKK", "Danish Krone"}, {"EGP", "Egyptian Pound"}, {"EUR", "Euro"}, {"GBP", "Pound Sterling"},
		{"HKD", "Hong Kong Dollar"}, {"HUF", "Forint"}, {"IDR", "Rupiah"}, {"ILS", "New Israeli Sheqel"},
		{"INR", "Indian Rupee"}, {"ISK", "Iceland Krona"}, {"JPY", "Yen"}, {"KES", "Kenyan Shilling"}, {"KRW", "Won"},
		{"MXN", "Mexican Peso"}, {"MYR", "Malaysian Ringgit"}, {"NGN", "Naira"}, {"NOK", "Norwegian Krone"},
		{"NZD", "New Zealand Dollar"}, {"PEN", "Sol"}, {"PHP", "Philippine Peso"}, {"PLN", "Zloty"},
		{"RON", "Romanian Leu"}, {"SEK", "Swedish Krona"}, {"SGD", "Singapore Dollar"}, {"THB", "Baht"},
		{"TRY", "Turkish Lira"}, {"UAH", "Hryvnia"}, {"USD", "US Dollar"}, {"UYU", "Peso Uruguayo"}, {"VND", "Dong"},
		{"ZAR", "Rand"}}

	uaPlatforms = []string{"Windows NT 10.0; Win64; x64", "Windows NT 6.1; WOW64", "Macintosh; Intel Mac OS X 10_15_7",
		"Macintosh; Intel Mac OS X 13_4", "X11; Linux x86_64", "X11; Ubuntu; Linux x86_64", "X11; Fedora; Linux x86_64",
		"iPhone; CPU iPhone OS 16_5 like Mac OS X", "iPad; CPU OS 15_7 like Mac OS X", "Linux; Android 13; Pixel 7"}

	// The "hacker" vocabulary: computing words, as faker's hacker module
	// has them (abbreviations upper case, the rest lower case).
	hackerAbbreviations = []string{"API", "CPU", "CSS", "DNS", "EXE", "FTP", "GPU", "HDD", "HTML", "HTTP", "IP", "JSON",
		"LAN", "NIC", "PCI", "RAM", "RSS", "SAN", "SAS", "SCSI", "SDK", "SMS", "SMTP", "SQL", "SSD", "SSL", "TCP", "UDP",
		"USB", "VPN", "XML", "XSS"}
	hackerAdjectives = []string{"back-end", "front-end", "open-source", "cross-platform", "wireless", "virtual", "digital",
		"primary", "auxiliary", "redundant", "optical", "neural", "mobile", "haptic", "multi-byte", "online", "offline",
		"bluetooth", "solid state", "1080p", "quantum", "encrypted", "distributed", "headless"}
	hackerNouns = []string{"array", "bandwidth", "bus", "cache", "capacitor", "card", "circuit", "driver", "feed",
		"firewall", "hard drive", "interface", "kernel", "matrix", "microchip", "monitor", "panel", "pixel", "port",
		"program", "protocol", "router", "sensor", "socket", "system", "transmitter", "application", "alarm"}
	hackerVerbs = []string{"back up", "bypass", "calculate", "compile", "compress", "connect", "copy", "decrypt", "deploy",
		"generate", "hack", "index", "input", "navigate", "override", "parse", "program", "quantify", "reboot",
		"synthesize", "transmit"}
	hackerIngVerbs = []string{"backing up", "bypassing", "calculating", "compiling", "compressing", "connecting",
		"copying", "decrypting", "deploying", "generating", "hacking", "indexing", "navigating", "overriding",
		"parsing", "programming", "quantifying", "rebooting", "synthesizing", "transmitting"}
	hackerPhrases = []string{
		"if we {v} the {n}, we can get to the {a} {n} through the {adj} {a} {n}!",
		"we need to {v} the {adj} {a} {n}!",
		"try to {v} the {a} {n}, maybe it will {v} the {adj} {n}!",
		"you can't {v} the {n} without {ing} the {adj} {a} {n}!",
		"use the {adj} {a} {n}, then you can {v} the {adj} {n}!",
		"the {a} {n} is down, {v} the {adj} {n} so we can {v} the {a} {n}!",
		"{ing} the {n} won't do anything, we need to {v} the {adj} {a} {n}!",
		"i'll {v} the {adj} {a} {n}, that should {v} the {a} {n}!",
	}

	loremWords = []string{"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipisci", "velit", "sed", "quia",
		"non", "numquam", "eius", "modi", "tempora", "incidunt", "ut", "labore", "et", "dolore", "magnam", "aliquam",
		"quaerat", "voluptatem", "enim", "ad", "minima", "veniam", "quis", "nostrum", "exercitationem", "ullam",
		"corporis", "suscipit", "laboriosam", "nisi", "aliquid", "ex", "ea", "commodi", "consequatur", "autem", "vel",
		"eum", "iure", "reprehenderit", "qui", "in", "voluptate", "esse", "quam", "nihil", "molestiae", "illum",
		"fugiat", "quo", "voluptas", "nulla", "pariatur", "at", "vero", "accusamus", "iusto", "odio", "dignissimos",
		"ducimus", "blanditiis", "praesentium", "deleniti", "atque", "corrupti", "quos", "dolores", "quas", "molestias",
		"excepturi", "sint", "occaecati", "cupiditate", "provident", "similique", "sunt", "culpa", "officia", "deserunt",
		"mollitia", "animi", "id", "est", "laborum", "harum", "quidem", "rerum", "facilis", "expedita", "distinctio"}

	// Everyday words for $randomWord, and nouns for file names.
	nouns = []string{"anchor", "apple", "badge", "basket", "beacon", "blanket", "bridge", "bucket", "candle", "canyon",
		"carpet", "castle", "cloud", "compass", "cottage", "crystal", "desk", "engine", "feather", "forest", "garden",
		"glacier", "hammer", "harbor", "island", "jacket", "kettle", "ladder", "lantern", "meadow", "mirror", "needle",
		"orchard", "pebble", "pillow", "planet", "pocket", "puzzle", "river", "saddle", "shadow", "shelf", "signal",
		"spoon", "thunder", "ticket", "tower", "valley", "wagon", "window"}
	adjectives = []string{"bright", "calm", "clever", "crisp", "curious", "eager", "fancy", "gentle", "golden",
		"handsome", "hollow", "humble", "jolly", "keen", "lively", "lucky", "mellow", "narrow", "nimble", "polite",
		"proud", "quiet", "rapid", "rustic", "silent", "sturdy", "swift", "tender", "vivid", "wise"}
	verbs = []string{"arrange", "borrow", "carry", "collect", "deliver", "discover", "explain", "follow", "gather",
		"imagine", "inspect", "juggle", "launch", "measure", "notice", "obtain", "paint", "polish", "prepare", "question",
		"repair", "scatter", "select", "settle", "signal", "sketch", "travel", "unfold", "wander", "whisper"}
	buzzWords = []string{"agile", "alignment", "bandwidth", "benchmark", "blockchain", "cloud-native", "convergence",
		"disruption", "ecosystem", "empowerment", "frictionless", "growth-hacking", "holistic", "ideation", "leverage",
		"microservices", "mindshare", "omnichannel", "paradigm", "scalability", "synergy", "thought-leadership",
		"upskilling", "value-add", "vertical"}
	// safeColors are the sixteen basic CSS colour names.
	safeColors = []string{"black", "silver", "gray", "white", "maroon", "red", "purple", "fuchsia", "green", "lime",
		"olive", "yellow", "navy", "blue", "teal", "aqua"}

	mimeTypes = []string{"application/json", "application/ld+json", "application/pdf", "application/xml",
		"application/zip", "application/gzip", "application/octet-stream", "application/x-www-form-urlencoded",
		"application/javascript", "application/vnd.ms-excel", "application/msword", "application/rtf",
		"application/epub+zip", "application/x-tar", "audio/mpeg", "audio/ogg", "audio/wav", "audio/webm", "audio/midi",
		"font/woff", "font/woff2", "image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml", "image/bmp",
		"image/tiff", "image/x-icon", "multipart/form-data", "text/plain", "text/html", "text/css", "text/csv",
		"text/calendar", "text/markdown", "video/mp4", "video/mpeg", "video/ogg", "video/webm", "video/x-msvideo",
		"model/gltf+json", "message/rfc822"}
)
