// Postman's sandbox does not ship the npm uuid package: it exposes a small
// random v4 generator that is callable both as uuid() and uuid.v4().
// This is our own implementation of that surface.
function v4() {
    var s = '', i, r;
    for (i = 0; i < 36; i++) {
        if (i === 8 || i === 13 || i === 18 || i === 23) {
            s += '-';
            continue;
        }
        if (i === 14) {
            s += '4';
            continue;
        }
        r = Math.random() * 16 | 0;
        // RFC 4122 variant bits: 10xx.
        s += (i === 19 ? (r & 0x3 | 0x8) : r).toString(16);
    }
    return s;
}

module.exports = v4;
module.exports.v4 = v4;
