package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func money(amount float64) *Money { return &Money{Amount: Decimal(amount), Currency: "EUR"} }

func TestHealthWeighsAttainmentWinRateAndPipeline(t *testing.T) {
	active := true
	p := Partner{ID: "p", Active: &active, AnnualTarget: money(100000)}
	deals := []Deal{{Stage: "won", Amount: money(60000)}, {Stage: "won", Amount: money(20000)}, {Stage: "lost", Amount: money(10000)},
		{Stage: "registered", Amount: money(30000)}, {Stage: "won", Amount: &Money{Amount: 999999, Currency: "USD"}}}
	// attainment 80000/100000 -> 40; win rate 3/4 -> 22.5; one open deal -> 4
	if got := Health(p, deals); got != 67 {
		t.Fatalf("health %d, want 67", got)
	}
	inactive := false
	p.Active = &inactive
	if got := Health(p, deals); got != 0 {
		t.Fatalf("an inactive partner scores %d, want 0", got)
	}
}

func TestMalformedPayloadsAreRefusedWithTheirReason(t *testing.T) {
	for payload, reason := range map[string]string{
		`{"partner": "not-a-uuid"}`:                                       "is not a partner id",
		`{"partner": "5f1c0000-0000-4000-8000-000000000000", "extra": 1}`: "unknown field",
		`{}`:  "is not a partner id",
		`[1]`: "is not {",
	} {
		_, err := ParseHealthJob(json.RawMessage(payload))
		if err == nil || !strings.Contains(err.Error(), reason) {
			t.Errorf("%s: %v, want %q", payload, err, reason)
		}
	}
	if job, err := ParseHealthJob(json.RawMessage(`{"partner": "5f1c0000-0000-4000-8000-000000000000"}`)); err != nil || job.Partner == "" {
		t.Fatalf("a well-formed payload: %v", err)
	}
}

func TestDecimalReadsNumbersAndStrings(t *testing.T) {
	var m Money
	if err := json.Unmarshal([]byte(`{"amount": "1234.50", "currency": "EUR"}`), &m); err != nil || m.Amount != 1234.5 {
		t.Fatalf("%v %v", m, err)
	}
	if err := json.Unmarshal([]byte(`{"amount": 12}`), &m); err != nil || m.Amount != 12 {
		t.Fatalf("%v %v", m, err)
	}
	if err := json.Unmarshal([]byte(`{"amount": "lots"}`), &m); err == nil {
		t.Fatal("a non-number amount was read")
	}
}
