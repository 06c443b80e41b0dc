// What a script writes onto the objects pm's members share between scripts
// (pm.environment.x = 1, delete pm.test.skip, Object.assign(pm.globals, o))
// stays in that script, as in Postman, where every script gets new ones
// (Newman 6.2.2: a later script sees none of it). The bootstrap calls this
// before a script that may write them (mayWritePMMembers in pmwrites.go)
// and the function returned when the script finishes. A property the script
// defines non-configurable cannot be taken back and stays.
(function () {
'use strict';
function same(a, b) {
    return a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable &&
        a.enumerable === b.enumerable && a.configurable === b.configurable;
}
return function (objs) {
    var saved = objs.map(function (o) { return Object.getOwnPropertyDescriptors(o); });
    return function () {
        objs.forEach(function (o, i) {
            var was = saved[i];
            Reflect.ownKeys(o).forEach(function (k) {
                if (!Object.prototype.hasOwnProperty.call(was, k)) { Reflect.deleteProperty(o, k); }
            });
            Reflect.ownKeys(was).forEach(function (k) {
                var now = Object.getOwnPropertyDescriptor(o, k);
                // A property the script made non-configurable stays as it is.
                if (!now || !same(now, was[k])) { Reflect.defineProperty(o, k, was[k]); }
            });
        });
    };
};
})
