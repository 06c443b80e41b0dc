package htmlreport

// SynthReport is synthReport for the browser test.
var SynthReport = synthReport
