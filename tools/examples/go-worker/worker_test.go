package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

const partnerID = "5f1c0000-0000-4000-8000-000000000001"
const jobID = "6f1c0000-0000-4000-8000-000000000002"
const token = "7f1c0000-0000-4000-8000-000000000003"

// fakeEngine answers one leased job, the partner (score, version 3), its deals, and records the writes
// and the finishing call; patchStatus is what a PATCH answers.
type fakeEngine struct {
	mu          sync.Mutex
	score       int
	patchStatus int
	heartbeats  int // heartbeats answered; any heartbeat is answered 409 lease-lost when leaseLost
	leaseLost   bool
	payload     string
	leased      bool
	patches     []string
	finished    map[string]any
	finishedAt  string
}

func (f *fakeEngine) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	body, _ := io.ReadAll(r.Body)
	if r.Header.Get("Authorization") != "ApiKey prm_test" {
		w.WriteHeader(401)
		return
	}
	switch {
	case r.URL.Path == "/api/v1/jobs/lease":
		if f.leased {
			w.WriteHeader(204)
			return
		}
		f.leased = true
		io.WriteString(w, `{"id":"`+jobID+`","type":"partners.health","status":"leased","attempts":1,"maxAttempts":5,"leaseToken":"`+token+`","payload":`+f.payload+`}`)
	case r.URL.Path == "/api/v1/partners/partner/"+partnerID && r.Method == "GET":
		w.Header().Set("ETag", `"3"`)
		io.WriteString(w, `{"id":"`+partnerID+`","version":3,"active":true,"score":`+jsonInt(f.score)+`,"annual_target":{"amount":"100000.00","currency":"EUR"}}`)
	case r.URL.Path == "/api/v1/partners/partner/"+partnerID && r.Method == "PATCH":
		f.patches = append(f.patches, r.Header.Get("If-Match")+" "+string(body))
		w.WriteHeader(f.patchStatus)
		io.WriteString(w, `{"detail":"the record changed"}`)
	case r.URL.Path == "/api/v1/deals/deal":
		if r.URL.Query().Get("filter") != "partner eq '"+partnerID+"'" {
			w.WriteHeader(400)
			return
		}
		io.WriteString(w, `{"items":[{"id":"8f1c0000-0000-4000-8000-000000000004","partner":"`+partnerID+`","stage":"won","amount":{"amount":50000,"currency":"EUR"}}]}`)
	case r.URL.Path == "/api/v1/jobs/"+jobID+"/heartbeat":
		f.heartbeats++
		if f.leaseLost {
			w.WriteHeader(409)
		}
		io.WriteString(w, `{"id":"`+jobID+`","status":"leased"}`)
	case strings.HasPrefix(r.URL.Path, "/api/v1/jobs/"+jobID+"/"):
		f.finishedAt = strings.TrimPrefix(r.URL.Path, "/api/v1/jobs/"+jobID+"/")
		_ = json.Unmarshal(body, &f.finished)
		io.WriteString(w, `{"id":"`+jobID+`","status":"queued"}`)
	default:
		w.WriteHeader(404)
	}
}

func jsonInt(i int) string { data, _ := json.Marshal(i); return string(data) }

// run lets a worker take the fake engine's one job, then stops it as SIGTERM would.
func run(t *testing.T, f *fakeEngine) {
	runWith(t, f, &Worker{leaseSeconds: 30}, func() bool { return f.finishedAt != "" })
}

// runWith runs w against f until over() holds (checked under f's lock) or 5 s passed, then stops it.
func runWith(t *testing.T, f *fakeEngine, w *Worker, over func() bool) {
	server := httptest.NewServer(f)
	defer server.Close()
	w.api, w.jobType, w.finished = NewAPI(server.URL, "prm_test"), "partners.health", map[string]map[string]any{}
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() { w.Run(ctx); close(stopped) }()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		f.mu.Lock()
		finished := over()
		f.mu.Unlock()
		if finished {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("the worker did not stop")
	}
}

func TestAScoreIsWrittenWithIfMatchAndTheJobCompleted(t *testing.T) {
	f := &fakeEngine{payload: `{"partner":"` + partnerID + `"}`, patchStatus: 200}
	run(t, f)
	// 50k of 100k -> 25, 1 of 1 won -> 30
	if len(f.patches) != 1 || f.patches[0] != `"3" {"score":55}` {
		t.Fatalf("writes %q", f.patches)
	}
	if f.finishedAt != "complete" || f.finished["result"].(map[string]any)["written"] != true {
		t.Fatalf("finished %s %v", f.finishedAt, f.finished)
	}
}

func TestAStaleWriteFailsTheJobForARetry(t *testing.T) {
	f := &fakeEngine{payload: `{"partner":"` + partnerID + `"}`, patchStatus: 412}
	run(t, f)
	if f.finishedAt != "fail" || f.finished["retry"] != true || !strings.Contains(f.finished["error"].(string), "412 at version 3") {
		t.Fatalf("finished %s %v", f.finishedAt, f.finished)
	}
}

func TestAScoreInPlaceIsNotWrittenAgain(t *testing.T) {
	f := &fakeEngine{payload: `{"partner":"` + partnerID + `"}`, score: 55, patchStatus: 200}
	run(t, f)
	if len(f.patches) != 0 || f.finishedAt != "complete" || f.finished["result"].(map[string]any)["written"] != false {
		t.Fatalf("writes %q, finished %s %v", f.patches, f.finishedAt, f.finished)
	}
}

func TestAMalformedJobIsFailedWithoutRetry(t *testing.T) {
	f := &fakeEngine{payload: `{"partner":"` + partnerID + `","force":true}`, patchStatus: 200}
	run(t, f)
	if len(f.patches) != 0 || f.finishedAt != "fail" || f.finished["retry"] != false ||
		!strings.Contains(f.finished["error"].(string), "malformed job") {
		t.Fatalf("writes %q, finished %s %v", f.patches, f.finishedAt, f.finished)
	}
}

func TestALostLeaseDropsTheWorkWithoutWritingOrFinishing(t *testing.T) {
	f := &fakeEngine{payload: `{"partner":"` + partnerID + `"}`, patchStatus: 200, leaseLost: true}
	// heartbeats every 1/3 s; the write waits 2 s, long enough for a heartbeat to learn the lease is lost
	runWith(t, f, &Worker{leaseSeconds: 1, holdBefore: 2 * time.Second}, func() bool { return f.heartbeats > 0 })
	if f.heartbeats == 0 || len(f.patches) != 0 || f.finishedAt != "" {
		t.Fatalf("heartbeats %d, writes %q, finished %q", f.heartbeats, f.patches, f.finishedAt)
	}
}
