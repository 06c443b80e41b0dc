// Servers for recording Newman's request errors (newman-request-errors):
// each port misbehaves in one way. Run under unshare -n with loopback up.
const net = require('net'), tls = require('tls'), fs = require('fs');
const o = {key: fs.readFileSync(process.argv[2]), cert: fs.readFileSync(process.argv[3])};
const hangup = s => s.once('data', () => s.end());
const reset = s => s.once('data', () => s.resetAndDestroy());
const short = s => s.once('data', () => s.end('HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nabc'));
const garbage = s => s.once('data', () => s.end('garbage\r\n\r\n'));
const overflow = s => s.once('data', () => s.end('HTTP/1.1 200 OK\r\nx-big: ' + 'a'.repeat(20000) + '\r\n\r\n'));
const silent = s => s.on('data', () => {});
net.createServer(hangup).listen(4301, '127.0.0.1');
net.createServer(reset).listen(4302, '127.0.0.1');
net.createServer(short).listen(4303, '127.0.0.1');
net.createServer(garbage).listen(4304, '127.0.0.1');
net.createServer(overflow).listen(4305, '127.0.0.1');
net.createServer(silent).listen(4306, '127.0.0.1');
tls.createServer(o, hangup).listen(4311, '127.0.0.1');
tls.createServer(o, short).listen(4313, '127.0.0.1');
tls.createServer(o, garbage).listen(4314, '127.0.0.1');
setTimeout(() => process.exit(0), 60000);
