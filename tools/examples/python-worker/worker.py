#!/usr/bin/env python3
"""Deal-scoring worker for PRM OS: events from RabbitMQ, work through the kernel job queue.

1. Consumes deals.DealWon from the engine's broker relay (RabbitMQ topic exchange prm.events) on a
   durable queue, checks each message (message id = envelope id = event-id header, type, tenant) and
   enqueues a `deals.score` job with the event id as Idempotency-Key: a message the broker delivers
   twice (at least once) enqueues one job. The message is acknowledged only after the job exists.
2. Leases `deals.score` jobs over HTTP long-poll, reads the deal through the API (it must be won),
   scores it, writes the score back into the deal's `details`, and completes the job with the result.
   A failure fails the job (the queue retries it with a backoff).

Python 3 standard library plus pika (Debian: python3-pika). Configuration from the environment:
  PRM_URL          the engine, e.g. http://localhost:8080
  PRM_API_KEY      an API key (prm_...) with the roles job_worker and one that may update deals
  RABBITMQ_URL     e.g. amqp://guest:guest@localhost:5672/%2F
  PRM_EXCHANGE     the relay's exchange (default prm.events)
  PRM_QUEUE        the durable queue to declare and consume (default deal-scoring)
  PRM_TENANT       optional: refuse events of other tenants
"""
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request

import pika

PRM_URL = os.environ.get("PRM_URL", "http://localhost:8080").rstrip("/")
API_KEY = os.environ["PRM_API_KEY"]
RABBITMQ_URL = os.environ.get("RABBITMQ_URL", "amqp://guest:guest@localhost:5672/%2F")
EXCHANGE = os.environ.get("PRM_EXCHANGE", "prm.events")
QUEUE = os.environ.get("PRM_QUEUE", "deal-scoring")
TENANT = os.environ.get("PRM_TENANT")
JOB_TYPE = "deals.score"


def log(*parts):
    print(*parts, flush=True)


def api(method, path, body=None, headers=None):
    """One API call; answers (status, parsed JSON or None). Problems (4xx/5xx) are answered, not raised."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(PRM_URL + path, data=data, method=method)
    request.add_header("Authorization", "ApiKey " + API_KEY)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read()
            return response.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        text = e.read()
        return e.code, (json.loads(text) if text else None)


# ---- 1. events in: DealWon -> one deals.score job per event id -------------------------------------

def checked_event(properties, body):
    """The envelope if the message is a well-formed DealWon of our tenant, else None (and why)."""
    try:
        envelope = json.loads(body)
    except ValueError:
        return None, "body is not JSON"
    headers = properties.headers or {}
    event_id = envelope.get("id")
    if not event_id or properties.message_id != event_id or str(headers.get("event-id")) != event_id:
        return None, "message id, event-id header and envelope id differ"
    if envelope.get("type") != "deals.DealWon" or properties.type != "deals.DealWon":
        return None, "not a deals.DealWon"
    if TENANT and envelope.get("tenant") != TENANT:
        return None, "event of another tenant"
    if not isinstance(envelope.get("data"), dict) or not envelope["data"].get("id"):
        return None, "no deal id in the payload"
    return envelope, None


def on_message(channel, method, properties, body):
    envelope, problem = checked_event(properties, body)
    if envelope is None:
        log("rejected", properties.message_id, problem)
        channel.basic_reject(method.delivery_tag, requeue=False)
        return
    status, job = api("POST", "/api/v1/jobs", {"type": JOB_TYPE, "payload": {"deal": envelope["data"]["id"], "event": envelope["id"]}},
                      {"Idempotency-Key": envelope["id"]})
    if status == 201:
        log("enqueued", job["id"], "for event", envelope["id"])
    elif status == 200:
        log("duplicate event", envelope["id"], "already has job", job["id"])
    else:
        log("enqueue failed", status, job, "; the message will be delivered again")
        channel.basic_nack(method.delivery_tag, requeue=True)
        time.sleep(1)
        return
    channel.basic_ack(method.delivery_tag)


def consume_events():
    connection = pika.BlockingConnection(pika.URLParameters(RABBITMQ_URL))
    channel = connection.channel()
    channel.exchange_declare(EXCHANGE, exchange_type="topic", durable=True)
    channel.queue_declare(QUEUE, durable=True)
    channel.queue_bind(QUEUE, EXCHANGE, routing_key="deals.DealWon")
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume(QUEUE, on_message)
    log("listening on queue", QUEUE)
    channel.start_consuming()


# ---- 2. jobs: lease, score, write back, complete --------------------------------------------------

def score(deal):
    """A stand-in for a model: larger won deals score higher, 0..100."""
    amount = float((deal.get("amount") or {}).get("amount") or 0)
    return max(0, min(100, round(amount / 1000)))


def work(job):
    token = job["leaseToken"]
    deal_id = job["payload"]["deal"]
    status, deal = api("GET", "/api/v1/deals/deal/" + deal_id)
    if status != 200 or deal.get("stage") != "won":
        api("POST", "/api/v1/jobs/%s/fail" % job["id"], {"leaseToken": token, "retry": status >= 500,
                                                         "error": "deal %s: status %s, stage %s" % (deal_id, status, (deal or {}).get("stage"))})
        log("failed job", job["id"])
        return
    value = score(deal)
    details = dict(deal.get("details") or {})
    details["score"] = {"value": value, "job": job["id"], "event": job["payload"].get("event")}
    status, written = api("PATCH", "/api/v1/deals/deal/" + deal_id, {"details": details})
    if status != 200:
        api("POST", "/api/v1/jobs/%s/fail" % job["id"], {"leaseToken": token, "error": "write-back answered %s: %s" % (status, written)})
        log("failed job", job["id"], status)
        return
    status, done = api("POST", "/api/v1/jobs/%s/complete" % job["id"], {"leaseToken": token, "result": {"score": value}})
    log("completed job", job["id"], "deal", deal_id, "score", value, "status", status)


def work_jobs():
    while True:
        try:
            status, job = api("POST", "/api/v1/jobs/lease", {"types": [JOB_TYPE], "waitSeconds": 20, "leaseSeconds": 60})
            if status == 200:
                work(job)
            elif status != 204:
                log("lease answered", status, job)
                time.sleep(1)
        except (OSError, ValueError) as e:  # engine restarting, connection reset
            log("lease failed:", e)
            time.sleep(1)


if __name__ == "__main__":
    threading.Thread(target=work_jobs, daemon=True, name="jobs").start()
    try:
        consume_events()
    except KeyboardInterrupt:
        sys.exit(0)
