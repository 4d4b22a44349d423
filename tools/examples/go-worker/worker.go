package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/url"
	"sync"
	"time"
)

// LeasedJob is a job as the lease answers it; the worker checks its shape before working on it.
type LeasedJob struct {
	ID             string          `json:"id"`
	Type           string          `json:"type"`
	Status         string          `json:"status"`
	Payload        json.RawMessage `json:"payload"`
	Attempts       int             `json:"attempts"`
	MaxAttempts    int             `json:"maxAttempts"`
	IdempotencyKey *string         `json:"idempotencyKey"`
	LeaseToken     string          `json:"leaseToken"`
}

// Worker leases jobs of one type, computes partner health, writes it back and finishes each job.
type Worker struct {
	api          *API
	jobType      string
	leaseSeconds int
	holdBefore   time.Duration // a pause between computing and writing, to watch If-Match at work (tests, demos)

	mu       sync.Mutex
	finished map[string]map[string]any // job id -> result this process completed it with
}

// outcome is how a job ended: a result to complete it with, or a reason to fail it (retry or not).
type outcome struct {
	result map[string]any
	reason string
	retry  bool
}

func done(result map[string]any) outcome { return outcome{result: result} }
func retryLater(format string, args ...any) outcome {
	return outcome{reason: fmt.Sprintf(format, args...), retry: true}
}
func refuse(format string, args ...any) outcome { return outcome{reason: fmt.Sprintf(format, args...)} }

// Run leases until ctx is cancelled (SIGTERM); a job in hand is finished first, on its own context.
func (w *Worker) Run(ctx context.Context) {
	log.Printf("listening for %s jobs", w.jobType)
	for ctx.Err() == nil {
		answer, err := w.api.Call(ctx, "POST", "/api/v1/jobs/lease",
			map[string]any{"types": []string{w.jobType}, "waitSeconds": 20, "leaseSeconds": w.leaseSeconds}, nil)
		switch {
		case err == nil && answer.Status == 200:
			w.handle(answer) // even when SIGTERM came meanwhile: a job in hand is finished
		case ctx.Err() != nil:
		case err != nil:
			log.Printf("lease failed: %v", err) // engine restarting, connection reset
			sleep(ctx, time.Second)
		case answer.Status == 204:
		default:
			log.Printf("lease answered %s", answer.Problem())
			sleep(ctx, 5*time.Second)
		}
	}
	log.Printf("stopped")
}

func (w *Worker) handle(answer Answer) {
	var job LeasedJob
	if err := answer.Decode(&job); err != nil || !uuidPattern.MatchString(job.ID) || !uuidPattern.MatchString(job.LeaseToken) {
		// without an id and a token the job cannot even be failed: its lease will expire and it comes back
		log.Printf("unusable lease answer (%v): %.300s", err, answer.Body)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stopBeats := w.heartbeat(job, cancel)
	result := w.work(ctx, job)
	stopBeats()
	if ctx.Err() != nil {
		log.Printf("lease lost on job %s: its work is dropped", job.ID)
		return
	}
	w.finish(job, result)
}

func (w *Worker) work(ctx context.Context, job LeasedJob) outcome {
	if job.Type != w.jobType || job.Status != "leased" {
		return refuse("malformed job: leased a %q job in status %q for type %s", job.Type, job.Status, w.jobType)
	}
	if earlier := w.finishedWith(job.ID); earlier != nil {
		// this process completed the job already (the answer was lost): the same result, no second write
		log.Printf("job %s was done already: completing it again", job.ID)
		return done(earlier)
	}
	payload, err := ParseHealthJob(job.Payload)
	if err != nil {
		return refuse("%v", err)
	}
	return w.score(ctx, job, payload.Partner)
}

func (w *Worker) score(ctx context.Context, job LeasedJob, partnerID string) outcome {
	path := "/api/v1/partners/partner/" + partnerID
	answer, err := w.api.Call(ctx, "GET", path, nil, nil)
	if failed, o := unusable(err, answer, "reading partner "+partnerID); failed {
		return o
	}
	var partner Partner
	if err := answer.Decode(&partner); err != nil {
		return retryLater("reading partner %s: %v", partnerID, err)
	}
	if err := CheckPartner(partner, partnerID); err != nil {
		return retryLater("%v", err)
	}
	deals, o := w.deals(ctx, partnerID)
	if o != nil {
		return *o
	}
	value := Health(partner, deals)
	result := map[string]any{"partner": partnerID, "score": value, "deals": len(deals)}
	if partner.Score != nil && *partner.Score == value {
		// idempotent by content: an attempt after one that wrote (and died before completing) writes nothing
		log.Printf("job %s: partner %s already scores %d, nothing written", job.ID, partnerID, value)
		result["written"] = false
		return done(result)
	}
	if w.holdBefore > 0 {
		log.Printf("job %s: partner %s version %d scores %d, holding %s before writing", job.ID, partnerID, *partner.Version, value, w.holdBefore)
		if !sleep(ctx, w.holdBefore) {
			return retryLater("lease lost")
		}
	}
	etag := fmt.Sprintf("\"%d\"", *partner.Version)
	answer, err = w.api.Call(ctx, "PATCH", path, map[string]any{"score": value}, map[string]string{"If-Match": etag})
	if err == nil && answer.Status == 412 {
		log.Printf("conflict on job %s: partner %s changed since version %d", job.ID, partnerID, *partner.Version)
		return retryLater("partner %s changed while its health was computed (412 at version %d): scored again with fresh data on the next attempt",
			partnerID, *partner.Version)
	}
	if failed, o := unusable(err, answer, "writing the score of partner "+partnerID); failed {
		return o
	}
	result["written"] = true
	return done(result)
}

// deals reads all deals of the partner, page by page, checking each one; nil outcome when all is well.
func (w *Worker) deals(ctx context.Context, partnerID string) ([]Deal, *outcome) {
	var all []Deal
	query := url.Values{"filter": {"partner eq '" + partnerID + "'"}, "fields": {"id,partner,stage,amount"}, "limit": {"500"}}
	for page := 0; page < 100; page++ {
		answer, err := w.api.Call(ctx, "GET", "/api/v1/deals/deal?"+query.Encode(), nil, nil)
		if failed, o := unusable(err, answer, "listing the deals of partner "+partnerID); failed {
			return nil, &o
		}
		var list struct {
			Items      []Deal `json:"items"`
			NextCursor string `json:"nextCursor"`
		}
		if err := answer.Decode(&list); err != nil || list.Items == nil {
			o := retryLater("listing the deals of partner %s: no items (%v)", partnerID, err)
			return nil, &o
		}
		for _, d := range list.Items {
			if err := CheckDeal(d, partnerID); err != nil {
				o := retryLater("%v", err)
				return nil, &o
			}
		}
		all = append(all, list.Items...)
		if list.NextCursor == "" {
			return all, nil
		}
		query.Set("cursor", list.NextCursor)
	}
	o := refuse("partner %s has more than 50000 deals", partnerID)
	return nil, &o
}

// unusable tells whether a call failed and how: unreachable or 5xx is retried, another 4xx is not
// (a missing record or a refused write fails the same way next time).
func unusable(err error, answer Answer, what string) (bool, outcome) {
	switch {
	case err != nil:
		return true, retryLater("%s: %v", what, err)
	case answer.Status >= 500:
		return true, retryLater("%s: %s", what, answer.Problem())
	case answer.Status >= 400:
		return true, refuse("%s: %s", what, answer.Problem())
	case answer.Status != 200:
		return true, retryLater("%s: unexpected status %d", what, answer.Status)
	}
	return false, outcome{}
}

// finish completes or fails the job with the lease token; a lost lease (409) means another worker has it.
func (w *Worker) finish(job LeasedJob, o outcome) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	token := map[string]any{"leaseToken": job.LeaseToken}
	if o.result != nil {
		token["result"] = o.result
		answer, err := w.api.Call(ctx, "POST", "/api/v1/jobs/"+job.ID+"/complete", token, nil)
		if err == nil && answer.Status == 200 {
			w.remember(job.ID, o.result)
			log.Printf("completed job %s partner %v score %v written %v", job.ID, o.result["partner"], o.result["score"], o.result["written"])
			return
		}
		log.Printf("completing job %s failed (%v %s): it will be leased again", job.ID, err, answer.Problem())
		return
	}
	token["error"], token["retry"] = o.reason, o.retry
	answer, err := w.api.Call(ctx, "POST", "/api/v1/jobs/"+job.ID+"/fail", token, nil)
	if err != nil || answer.Status != 200 {
		log.Printf("failing job %s failed (%v %s)", job.ID, err, answer.Problem())
		return
	}
	var failed LeasedJob
	_ = answer.Decode(&failed)
	verb := "failed"
	if !o.retry {
		verb = "refused"
	}
	log.Printf("%s job %s (now %s, attempt %d of %d): %s", verb, job.ID, failed.Status, job.Attempts, job.MaxAttempts, o.reason)
}

// heartbeat extends the lease every third of its length while the job is worked; a lost lease cancels the work.
func (w *Worker) heartbeat(job LeasedJob, lost context.CancelFunc) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		ticker := time.NewTicker(time.Duration(w.leaseSeconds) * time.Second / 3)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				answer, err := w.api.Call(ctx, "POST", "/api/v1/jobs/"+job.ID+"/heartbeat",
					map[string]any{"leaseToken": job.LeaseToken, "leaseSeconds": w.leaseSeconds}, nil)
				switch {
				case ctx.Err() != nil:
					return
				case err == nil && answer.Status == 200:
					log.Printf("heartbeat job %s", job.ID)
				case err == nil && answer.Status == 409:
					lost()
					return
				default:
					log.Printf("heartbeat job %s failed (%v %s)", job.ID, err, answer.Problem())
				}
			}
		}
	}()
	return func() { cancel(); <-finished }
}

func (w *Worker) finishedWith(id string) map[string]any {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.finished[id]
}

func (w *Worker) remember(id string, result map[string]any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.finished) >= 10000 {
		w.finished = map[string]map[string]any{} // a bound, not a cache policy: the engine is the record
	}
	w.finished[id] = result
}

// sleep waits d or until ctx ends; false when ctx ended.
func sleep(ctx context.Context, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}
