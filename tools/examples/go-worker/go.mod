module prmos.example/go-worker

go 1.19
