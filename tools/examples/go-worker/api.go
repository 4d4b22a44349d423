package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// API is the engine's REST API as this worker uses it: JSON in and out, authenticated with an API key.
type API struct {
	base   string
	key    string
	client *http.Client
}

// Answer is one API response: its status, ETag and body (a problem+json body for 4xx/5xx).
type Answer struct {
	Status int
	ETag   string
	Body   []byte
}

func NewAPI(base, key string) *API {
	// the long-poll lease waits up to 30 s on the server: the client waits longer than that
	return &API{base: strings.TrimRight(base, "/"), key: key, client: &http.Client{Timeout: 60 * time.Second}}
}

// Call sends one request; a status the engine answered is never an error (the caller decides), a
// failure to reach it is.
func (a *API) Call(ctx context.Context, method, path string, body any, headers map[string]string) (Answer, error) {
	var reader io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return Answer{}, err
		}
		reader = bytes.NewReader(data)
	}
	request, err := http.NewRequestWithContext(ctx, method, a.base+path, reader)
	if err != nil {
		return Answer{}, err
	}
	request.Header.Set("Authorization", "ApiKey "+a.key)
	request.Header.Set("Accept", "application/json")
	if body != nil {
		request.Header.Set("Content-Type", "application/json")
	}
	for name, value := range headers {
		request.Header.Set(name, value)
	}
	response, err := a.client.Do(request)
	if err != nil {
		return Answer{}, err
	}
	defer response.Body.Close()
	data, err := io.ReadAll(io.LimitReader(response.Body, 8<<20))
	if err != nil {
		return Answer{}, err
	}
	return Answer{Status: response.StatusCode, ETag: response.Header.Get("ETag"), Body: data}, nil
}

// Decode reads the answer's JSON body into out.
func (a Answer) Decode(out any) error {
	if err := json.Unmarshal(a.Body, out); err != nil {
		return fmt.Errorf("status %d: body is not the JSON expected: %v", a.Status, err)
	}
	return nil
}

// Problem is a short text for a 4xx/5xx answer: status and the problem's detail (or title).
func (a Answer) Problem() string {
	var p struct {
		Type   string `json:"type"`
		Title  string `json:"title"`
		Detail string `json:"detail"`
	}
	if json.Unmarshal(a.Body, &p) == nil && (p.Detail != "" || p.Title != "") {
		text := p.Detail
		if text == "" {
			text = p.Title
		}
		return fmt.Sprintf("%d %s", a.Status, text)
	}
	return fmt.Sprintf("%d %.200s", a.Status, string(a.Body))
}
