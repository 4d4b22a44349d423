import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads synthetic partners through the bulk API and writes the ids it got back, one per line.
 *
 * <pre>java Loader.java BASE_URL COUNT IDS_FILE [CONCURRENCY] [BATCH]</pre>
 *
 * Data is deterministic (seeded per batch) and varied: names, tiers (weighted towards
 * registered), regions, partner types, scores 0-100, join dates 2012-2025, active flags,
 * optional e-mail, website, annual target and notes. Exits 1 with a one-line reason on the
 * first failed request. Prints "loaded N partners in S s (R records/s)" on success.
 */
public class Loader {

    static final String[] PREFIX = {"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Cyberdyne",
        "Soylent", "Hooli", "Vandelay", "Wonka", "Aperture", "Black Mesa", "Nakatomi", "Oscorp", "Gringotts", "Monarch",
        "Blue Sun", "Pied Piper", "Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adventure Works",
        "Alpine", "Baltic", "Cobalt", "Delta", "Evergreen", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kestrel",
        "Lumen", "Meridian", "Nimbus", "Orion", "Polar", "Quartz", "Redwood", "Summit", "Tundra", "Unity", "Vertex",
        "Willow", "Zenith"};
    static final String[] MIDDLE = {"Digital", "Cloud", "Data", "Systems", "Networks", "Consulting", "Software", "Labs",
        "Analytics", "Security", "Logistics", "Partners", "Solutions", "Integration", "Media", "Health", "Energy",
        "Retail", "Finance", "Robotics"};
    static final String[] SUFFIX = {"GmbH", "Ltd", "Inc.", "S.A.", "B.V.", "AB", "Oy", "K.K.", "Pty Ltd", "LLC",
        "S.r.l.", "SAS", "AG", "plc", "Sp. z o.o."};
    static final String[] TIERS = {"registered", "silver", "gold", "platinum"};
    static final int[] TIER_WEIGHTS = {40, 30, 20, 10};
    static final String[] REGIONS = {"emea", "amer", "apac"};
    static final int[] REGION_WEIGHTS = {45, 35, 20};
    static final String[] TYPES = {"reseller", "referral", "system_integrator", "technology"};
    static final String[] CURRENCIES = {"EUR", "USD", "GBP"};
    static final String[] NOTES = {"Strategic account; quarterly business review.", "Onboarding in progress.",
        "Strong pipeline in the public sector.", "Renewal due next quarter.", "Joint marketing plan agreed.",
        "Needs technical enablement.", "Referral-only, low touch."};
    static final Pattern ID = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"");
    static final LocalDate EPOCH = LocalDate.of(2012, 1, 1);

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java Loader.java BASE_URL COUNT IDS_FILE [CONCURRENCY] [BATCH]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/$", "");
        int count = Integer.parseInt(args[1]);
        Path idsFile = Path.of(args[2]);
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        int batches = (count + batch - 1) / batch;
        URI uri = URI.create(base + "/api/v1/partners/partner/bulk");

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String[][] ids = new String[batches][];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            futures.add(pool.submit(() -> {
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    int from = b * batch;
                    int size = Math.min(batch, count - from);
                    String body = bulkBody(b, from, size);
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN"))
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                    HttpResponse<String> response;
                    try {
                        response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException("batch " + b + " (" + size + " creates): request failed: " + e, e);
                    }
                    if (response.statusCode() != 200) {
                        String text = response.body().replaceAll("\\s+", " ");
                        throw new IllegalStateException("batch " + b + ": HTTP " + response.statusCode() + ": "
                                + text.substring(0, Math.min(300, text.length())));
                    }
                    List<String> got = new ArrayList<>(size);
                    Matcher m = ID.matcher(response.body());
                    while (m.find()) {
                        got.add(m.group(1));
                    }
                    if (got.size() != size) {
                        throw new IllegalStateException("batch " + b + ": expected " + size + " ids in the response, got " + got.size());
                    }
                    ids[b] = got.toArray(new String[0]);
                    int n = done.incrementAndGet();
                    if (n % 10 == 0 || n == batches) {
                        System.err.printf("  %d/%d batches%n", n, batches);
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            pool.shutdownNow();
            Throwable cause = e.getCause();
            System.err.println("loader: " + (cause.getMessage() != null ? cause.getMessage() : cause.toString()));
            System.exit(1);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder out = new StringBuilder(count * 37);
        for (String[] chunk : ids) {
            for (String id : chunk) {
                out.append(id).append('\n');
            }
        }
        Files.writeString(idsFile, out);
        System.out.printf("loaded %d partners in %.1f s (%.0f records/s, %d connections, batches of %d)%n",
                count, seconds, count / seconds, concurrency, batch);
    }

    static String bulkBody(int batchNo, int from, int size) {
        Random r = new Random(0x5EEDL * 31 + batchNo);
        StringBuilder sb = new StringBuilder(size * 400);
        sb.append("{\"operations\":[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"op\":\"create\",\"data\":");
            partner(sb, r, from + i);
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    static void partner(StringBuilder sb, Random r, int n) {
        String prefix = PREFIX[r.nextInt(PREFIX.length)];
        String name = prefix + " " + MIDDLE[r.nextInt(MIDDLE.length)] + " " + SUFFIX[r.nextInt(SUFFIX.length)]
                + " #" + n;
        String slug = prefix.toLowerCase().replace(" ", "") + n;
        sb.append("{\"name\":\"").append(name).append('"');
        sb.append(",\"tier\":\"").append(weighted(r, TIERS, TIER_WEIGHTS)).append('"');
        sb.append(",\"region\":\"").append(weighted(r, REGIONS, REGION_WEIGHTS)).append('"');
        sb.append(",\"types\":[");
        int first = r.nextInt(TYPES.length);
        sb.append('"').append(TYPES[first]).append('"');
        if (r.nextInt(3) == 0) {
            sb.append(",\"").append(TYPES[(first + 1 + r.nextInt(TYPES.length - 1)) % TYPES.length]).append('"');
        }
        sb.append(']');
        sb.append(",\"score\":").append(r.nextInt(101));
        sb.append(",\"joined_on\":\"").append(EPOCH.plusDays(r.nextInt(14 * 365))).append('"');
        sb.append(",\"active\":").append(r.nextInt(100) < 85);
        if (r.nextInt(100) < 80) {
            sb.append(",\"contact_email\":\"partners@").append(slug).append(".example\"");
            sb.append(",\"website\":\"https://www.").append(slug).append(".example\"");
        }
        if (r.nextInt(100) < 60) {
            sb.append(",\"annual_target\":{\"amount\":").append(10_000 * (1 + r.nextInt(500)))
                    .append(",\"currency\":\"").append(CURRENCIES[r.nextInt(CURRENCIES.length)]).append("\"}");
        }
        if (r.nextInt(100) < 30) {
            sb.append(",\"notes\":\"").append(NOTES[r.nextInt(NOTES.length)]).append('"');
        }
        sb.append('}');
    }

    static String weighted(Random r, String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = r.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
