package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
)

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// HealthJob is the payload of a partners.health job: {"partner": "<uuid>"} and nothing else.
type HealthJob struct {
	Partner string `json:"partner"`
}

// ParseHealthJob checks a job payload strictly: an object with exactly one member, partner, a lower-case
// uuid. Anything else is a malformed job, refused with the reason (it would fail the same way every time).
func ParseHealthJob(payload json.RawMessage) (HealthJob, error) {
	var job HealthJob
	decoder := json.NewDecoder(bytes.NewReader(payload))
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(&job); err != nil {
		return job, fmt.Errorf("malformed job: the payload is not {\"partner\": \"<uuid>\"}: %v", err)
	}
	if !uuidPattern.MatchString(job.Partner) {
		return job, fmt.Errorf("malformed job: payload.partner %q is not a partner id (a uuid)", job.Partner)
	}
	return job, nil
}

// Decimal reads a JSON number or a numeric string (money amounts may come as either).
type Decimal float64

func (d *Decimal) UnmarshalJSON(data []byte) error {
	text := string(bytes.Trim(data, `"`))
	if text == "null" || text == "" {
		*d = 0
		return nil
	}
	value, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsNaN(value) || math.IsInf(value, 0) {
		return fmt.Errorf("not a decimal: %s", data)
	}
	*d = Decimal(value)
	return nil
}

// Money is the engine's money value.
type Money struct {
	Amount   Decimal `json:"amount"`
	Currency string  `json:"currency"`
}

// Partner is what the worker reads of a partners.Partner record.
type Partner struct {
	ID           string `json:"id"`
	Version      *int64 `json:"version"`
	Name         string `json:"name"`
	Active       *bool  `json:"active"`
	Score        *int   `json:"score"`
	AnnualTarget *Money `json:"annual_target"`
}

// Deal is what the worker reads of a deals.Deal record.
type Deal struct {
	ID      string `json:"id"`
	Partner string `json:"partner"`
	Stage   string `json:"stage"`
	Amount  *Money `json:"amount"`
}

// CheckPartner verifies a partner record the API answered: the one asked for, with a version.
func CheckPartner(p Partner, id string) error {
	if p.ID != id {
		return fmt.Errorf("the API answered partner %q for %q", p.ID, id)
	}
	if p.Version == nil {
		return fmt.Errorf("partner %s has no version", id)
	}
	return nil
}

// CheckDeal verifies a deal record of the partner's list.
func CheckDeal(d Deal, partner string) error {
	if !uuidPattern.MatchString(d.ID) || d.Partner != partner || d.Stage == "" {
		return fmt.Errorf("deal %q of partner %q is not a deal of partner %s with a stage", d.ID, d.Partner, partner)
	}
	return nil
}

// Health is the partner health score, 0..100, from three parts:
//   - attainment (50): won amount in the target's currency over the annual target, capped at 1;
//   - win rate (30): won deals over closed (won + lost) deals;
//   - pipeline (20): 4 points per open deal, at most 5 deals.
//
// An inactive partner scores 0. Deals in another currency than the target count for win rate and
// pipeline but not for attainment (this example converts no currencies).
func Health(p Partner, deals []Deal) int {
	if p.Active != nil && !*p.Active {
		return 0
	}
	won, lost, open := 0, 0, 0
	wonAmount := 0.0
	for _, d := range deals {
		switch d.Stage {
		case "won":
			won++
			if p.AnnualTarget != nil && d.Amount != nil && d.Amount.Currency == p.AnnualTarget.Currency {
				wonAmount += float64(d.Amount.Amount)
			}
		case "lost":
			lost++
		default:
			open++
		}
	}
	score := 0.0
	if p.AnnualTarget != nil && p.AnnualTarget.Amount > 0 {
		score += 50 * math.Min(1, wonAmount/float64(p.AnnualTarget.Amount))
	}
	if won+lost > 0 {
		score += 30 * float64(won) / float64(won+lost)
	}
	score += 4 * math.Min(5, float64(open))
	return int(math.Round(math.Max(0, math.Min(100, score))))
}
