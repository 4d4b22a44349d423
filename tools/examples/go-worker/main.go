// Command go-worker is an example PRM OS worker in Go (standard library only): it leases partners.health
// jobs from the kernel job queue over HTTP long-poll with an API key, computes each partner's health
// score from the partner and its deals (read through the REST API), writes the score back with If-Match,
// and completes the job — or fails it with the reason, so the queue's retry, backoff and dead letter apply.
// See README.md.
//
// Configuration from the environment:
//
//	PRM_URL                the engine, e.g. http://localhost:8080
//	PRM_API_KEY            an API key (prm_...) with the roles job_worker and partner_manager
//	PRM_JOB_TYPE           the job type to lease (default partners.health)
//	PRM_LEASE_SECONDS      the lease length, 5 to 3600 (default 60); heartbeats every third of it
//	PRM_HOLD_BEFORE_WRITE  a Go duration to pause between computing and writing (default 0; for demos and tests)
package main

import (
	"context"
	"log"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

func main() {
	log.SetFlags(log.LstdFlags | log.LUTC)
	log.SetOutput(os.Stdout)
	key := os.Getenv("PRM_API_KEY")
	if key == "" {
		log.Fatal("PRM_API_KEY is required")
	}
	leaseSeconds, err := strconv.Atoi(env("PRM_LEASE_SECONDS", "60"))
	if err != nil || leaseSeconds < 5 || leaseSeconds > 3600 {
		log.Fatalf("PRM_LEASE_SECONDS is 5 to 3600, not %q", os.Getenv("PRM_LEASE_SECONDS"))
	}
	hold, err := time.ParseDuration(env("PRM_HOLD_BEFORE_WRITE", "0s"))
	if err != nil || hold < 0 {
		log.Fatalf("PRM_HOLD_BEFORE_WRITE is a Go duration such as 2s, not %q", os.Getenv("PRM_HOLD_BEFORE_WRITE"))
	}
	worker := &Worker{api: NewAPI(env("PRM_URL", "http://localhost:8080"), key), jobType: env("PRM_JOB_TYPE", "partners.health"),
		leaseSeconds: leaseSeconds, holdBefore: hold, finished: map[string]map[string]any{}}
	// SIGTERM or SIGINT: stop leasing at once; a job in hand is finished (completed or failed) before exit
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	worker.Run(ctx)
}

func env(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}
