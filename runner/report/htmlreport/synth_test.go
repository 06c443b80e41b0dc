package htmlreport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// synthReport builds a Newman JSON report in courier's layout with n
// executions: iterations of 100 requests spread over three folders, JSON
// bodies of about 600 bytes, three assertions each, a failing request every
// 50th and a console line every 10th. It stands in for a long run in the
// benchmark and the browser test.
func synthReport(n int) []byte {
	const perIter = 100
	type kv struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	}
	var b bytes.Buffer
	b.WriteString(`{"run":{"executions":[`)
	var failures []map[string]any
	for x := 0; x < n; x++ {
		it, pos := x/perIter, x%perIter
		id := "req-" + strconv.Itoa(pos)
		fail := x%50 == 49
		code, status := 200, "OK"
		if fail {
			code, status = 500, "Internal Server Error"
		}
		body := fmt.Sprintf(`{"args":{"page":"%d","iteration":"%d"},"headers":{"host":"127.0.0.1:18080","accept":"*/*","user-agent":"courier","x-request-id":"%08x"},"url":"http://127.0.0.1:18080/get?page=%d","items":[`, pos, it, x*7919, pos)
		for k := 0; k < 6; k++ {
			if k > 0 {
				body += ","
			}
			body += fmt.Sprintf(`{"id":%d,"name":"item %d of page %d","ok":true}`, k, k, pos)
		}
		body += "]}"
		asserts := []map[string]any{{"assertion": "status is 200", "skipped": false}, {"assertion": "body has args", "skipped": false}, {"assertion": "fast enough", "skipped": false}}
		cursor := map[string]any{"position": pos, "iteration": it, "length": perIter, "cycles": (n + perIter - 1) / perIter, "ref": fmt.Sprintf("ref-%d-%d", it, pos)}
		if fail {
			msg := "expected response to have status code 200 but got 500"
			idx := 0
			asserts[0]["error"] = map[string]any{"name": "AssertionError", "index": idx, "test": "status is 200", "message": msg, "stack": "AssertionError: " + msg}
			failures = append(failures, map[string]any{
				"error": map[string]any{"name": "AssertionError", "test": "status is 200", "message": msg}, "at": "assertion:0 in test-script",
				"source": map[string]any{"id": id, "name": "Request " + strconv.Itoa(pos)}, "cursor": cursor,
			})
		}
		data := make([]int, len(body))
		for i := range body {
			data[i] = int(body[i])
		}
		exec := map[string]any{
			"cursor": cursor,
			"item":   map[string]any{"id": id, "name": "Request " + strconv.Itoa(pos)},
			"request": map[string]any{
				"url":    map[string]any{"protocol": "http", "port": "18080", "host": []string{"127", "0", "0", "1"}, "path": []string{"get"}, "query": []kv{{"page", strconv.Itoa(pos)}}},
				"method": "GET",
				"header": []kv{{"User-Agent", "courier"}, {"Accept", "*/*"}, {"Cache-Control", "no-cache"}, {"Host", "127.0.0.1:18080"}, {"Accept-Encoding", "gzip, deflate, br"}},
			},
			"response": map[string]any{
				"status": status, "code": code, "responseTime": 3 + (x*37)%90, "responseSize": len(body),
				"header": []kv{{"Content-Type", "application/json; charset=utf-8"}, {"Content-Length", strconv.Itoa(len(body))}, {"Date", "Fri, 27 Nov 2026 02:34:11 GMT"},
					{"Connection", "keep-alive"}, {"ETag", fmt.Sprintf(`W/"%x"`, x)}, {"Vary", "Accept-Encoding"}, {"X-Powered-By", "echo"}, {"Server", "echo"}},
				"stream": map[string]any{"type": "Buffer", "data": data},
			},
			"assertions": asserts,
		}
		if x%10 == 0 {
			exec["console"] = []map[string]string{{"level": "log", "message": fmt.Sprintf("page %d of iteration %d", pos, it)}}
		}
		e, _ := json.Marshal(exec)
		if x > 0 {
			b.WriteByte(',')
		}
		b.Write(e)
	}
	iters := (n + perIter - 1) / perIter
	rest, _ := json.Marshal(map[string]any{
		"stats": map[string]any{
			"iterations": map[string]int{"total": iters}, "items": map[string]int{"total": n}, "requests": map[string]int{"total": n},
			"assertions": map[string]int{"total": 3 * n, "failed": len(failures)}, "testScripts": map[string]int{"total": n}, "prerequestScripts": map[string]int{"total": 0},
		},
		"timings":   map[string]any{"responseAverage": 47.5, "responseMin": 3, "responseMax": 92, "responseSd": 26, "started": int64(1795746851510), "completed": 1795746851510 + int64(n)*9},
		"transfers": map[string]int{"responseTotal": n * 700},
		"failures":  failures,
	})
	b.WriteString("],")
	b.Write(rest[1 : len(rest)-1])
	folders := []map[string]any{}
	for f := 0; f < 3; f++ {
		var items []map[string]any
		for pos := f; pos < perIter; pos += 3 {
			items = append(items, map[string]any{"id": "req-" + strconv.Itoa(pos), "name": "Request " + strconv.Itoa(pos), "request": map[string]any{"method": "GET", "url": "http://127.0.0.1:18080/get"}})
		}
		folders = append(folders, map[string]any{"id": "folder-" + strconv.Itoa(f), "name": "Folder " + strconv.Itoa(f), "item": items})
	}
	coll, _ := json.Marshal(map[string]any{"info": map[string]string{"name": "Synthetic long run"}, "item": folders})
	b.WriteString(`},"collection":`)
	b.Write(coll)
	b.WriteString(`,"environment":{"name":"synthetic","values":[]},"globals":{"values":[]}}`)
	return b.Bytes()
}
