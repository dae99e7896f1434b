package jp.kofu.server.jlis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.issuance.domain.CardCredential;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.issuance.port.in.KioskIssuanceUseCase;
import jp.kofu.core.issuance.port.in.KioskIssuanceUseCase.KioskResult;
import jp.kofu.core.issuance.port.out.IdempotencyPort;
import jp.kofu.core.issuance.port.out.PreparedDocumentPort;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.suppression.domain.SuppressionDecision;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.ServiceAvailability;
import jp.kofu.server.wiring.CallScope;

/**
 * The kiosk interface over HTTP (コンビニ交付インタフェース): the publicly described J-LIS flow as JSON calls
 * under {@value #BASE} — challenge, authenticate, menu, prepare, complete — documented in
 * {@code docs/jlis-interface.md}. Every call names the tenant, the store and the prefecture in its body and
 * carries an {@code Idempotency-Key} header; a retried call gets the stored answer byte for byte, from any
 * node. The real J-LIS binding (SOAP, confidential specification) is another adapter of the same use case.
 *
 * <p>Handlers only translate: all state is behind the use case and the stores, nothing is shared between
 * requests here.
 */
public final class JlisInterface {

    /** The path prefix of the interface. */
    public static final String BASE = "/jlis/v1";

    /** What the kiosk shows for any suppression (発行抑止): the reason is for staff only. */
    public static final String ASK_AT_COUNTER = "この証明書はコンビニでは交付できません。市区町村の窓口でお尋ねください。";

    private static final Logger LOG = LoggerFactory.getLogger(JlisInterface.class);
    private static final java.util.regex.Pattern KEY_PATTERN = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    /** A session id or a challenge (URL-safe base64) as part of a remembered key: 88 + 1 + 128 fit the column. */
    private static final java.util.regex.Pattern SCOPE_PATTERN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,88}");

    private final KioskIssuanceUseCase kiosk;
    private final IdempotencyPort idempotency;
    private final PreparedDocumentPort documents;
    private final Clock clock;
    private final PrometheusMeterRegistry metrics;
    private final CallScope scope;
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    public JlisInterface(KioskIssuanceUseCase kiosk, IdempotencyPort idempotency, PreparedDocumentPort documents,
                         Clock clock, PrometheusMeterRegistry metrics, CallScope scope) {
        this.scope = scope;
        this.kiosk = kiosk;
        this.idempotency = idempotency;
        this.documents = documents;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Adds the interface's routes to the server. */
    public void register(Javalin app) {
        app.post(BASE + "/challenge", ctx -> handle(ctx, "challenge", this::challenge));
        app.post(BASE + "/authenticate", ctx -> handle(ctx, "authenticate", this::authenticate));
        app.post(BASE + "/menu", ctx -> handle(ctx, "menu", this::menu));
        app.post(BASE + "/prepare", ctx -> handle(ctx, "prepare", this::prepare));
        app.post(BASE + "/complete", ctx -> handle(ctx, "complete", this::complete));
    }

    // ---- the envelope and idempotency -----------------------------------------------------------------------

    /** The parts every call carries. */
    record Call(LocalGovernmentCode tenant, IssuanceChannel channel, JsonNode body) {
        String text(String field) {
            JsonNode n = body.path(field);
            if (!n.isTextual() || n.asText().isBlank()) {
                throw new BadRequest("field '" + field + "' is required");
            }
            return n.asText();
        }

        byte[] base64(String field) {
            try {
                return Base64.getDecoder().decode(text(field));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("field '" + field + "' is not base64");
            }
        }
    }

    /** A malformed call: 400 with the reason (never personal data: the fields are named, not quoted). */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** An answer: HTTP status and JSON body, and the PDF of a prepare (kept in its own store, not in the answer's). */
    record Answer(int status, Map<String, Object> body, Optional<byte[]> pdf) {
        Answer(int status, Map<String, Object> body) {
            this(status, body, Optional.empty());
        }
    }

    @FunctionalInterface
    private interface Operation {
        Answer run(Call call);
    }

    private void handle(Context ctx, String operation, Operation op) throws IOException {
        byte[] raw = ctx.bodyAsBytes();
        Call call;
        String key;
        try {
            JsonNode body = mapper.readTree(raw);
            if (body == null || !body.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            call = new Call(parse(() -> LocalGovernmentCode.parse(body.path("tenant").asText(null)), "tenant"),
                    parse(() -> new IssuanceChannel(body.path("store").asText(null), body.path("prefecture").asText(null)),
                            "store/prefecture"), body);
            key = ctx.header("Idempotency-Key");
            if (key == null || !KEY_PATTERN.matcher(key).matches()) {
                throw new BadRequest("header Idempotency-Key is required (8-128 of A-Z a-z 0-9 . _ : -)");
            }
        } catch (BadRequest e) {
            send(ctx, operation, badRequest(e), null);
            return;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            send(ctx, operation, badRequest(new BadRequest("the body is not JSON")), null);
            return;
        }
        String requestSha256 = sha256(operation + "\n" + new String(raw, StandardCharsets.UTF_8));
        Call parsed = call;
        String idempotencyKey = scoped(operation, call.body(), key);
        try {
            scope.run(() -> {
                try {
                    execute(ctx, operation, op, parsed, idempotencyKey, requestSha256);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The key as remembered: within the session for the calls that name one, within the challenge for an
     * authentication, as sent for a challenge. A retry carries the same session or challenge, so it finds its
     * answer; a key reused under another session is another call. Session ids and challenges begin with the
     * time they were made (see {@code TimeOrderedIds}), so the remembered keys of new calls sit together in the
     * database's index however random the kiosks' keys are; random keys alone spread the new rows over the whole
     * index, whose every changed page the database writes again.
     */
    static String scoped(String operation, JsonNode body, String key) {
        String field = switch (operation) {
            case "authenticate" -> "nonce";
            case "menu", "prepare", "complete" -> "session";
            default -> null;
        };
        if (field == null) {
            return key;
        }
        String scope = body.path(field).asText("");
        // a malformed scope is refused by the operation itself; it is never made part of the key
        return SCOPE_PATTERN.matcher(scope).matches() ? scope + "/" + key : key;
    }

    /** Claims the key, runs the operation (or replays the stored answer) and sends the answer. */
    private void execute(Context ctx, String operation, Operation op, Call call, String key, String requestSha256)
            throws IOException {
        IdempotencyPort.Claim claim = idempotency.claim(call.tenant(), key, operation, requestSha256, clock.instant());
        if (claim instanceof IdempotencyPort.Replay replay) {
            replay(ctx, operation, call.tenant(), replay.response(), Optional.empty());
            return;
        }
        if (claim instanceof IdempotencyPort.InProgress) {
            send(ctx, operation, new Answer(409, result("in-progress")), null);
            return;
        }
        if (claim instanceof IdempotencyPort.Conflict) {
            send(ctx, operation, new Answer(422, result("idempotency-key-reused")), null);
            return;
        }
        Answer answer;
        try {
            answer = op.run(call);
        } catch (BadRequest e) {
            answer = badRequest(e);
        } catch (RuntimeException e) {
            // nothing is remembered: the kiosk's retry runs again
            idempotency.release(call.tenant(), key);
            LOG.error("kiosk {} failed for tenant {}: {}", operation, call.tenant(), e.getClass().getSimpleName(), e);
            send(ctx, operation, new Answer(500, result("internal-error")), null);
            return;
        }
        byte[] stored = encode(answer);
        idempotency.answer(call.tenant(), key, stored);
        replay(ctx, operation, call.tenant(), stored, answer.pdf());
    }

    private static <T> T parse(java.util.function.Supplier<T> s, String field) {
        try {
            return s.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadRequest("field '" + field + "' is missing or malformed");
        }
    }

    /** Stored answers are the status line and the body; the PDF of a prepare is added from its store. */
    private byte[] encode(Answer answer) throws IOException {
        byte[] body = mapper.writeValueAsBytes(answer.body());
        byte[] status = (answer.status() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(status, status.length + body.length);
        System.arraycopy(body, 0, out, status.length, body.length);
        return out;
    }

    /** Sends a stored answer; a prepared one gets its PDF from the store unless the caller has it at hand. */
    private void replay(Context ctx, String operation, LocalGovernmentCode tenant, byte[] stored, Optional<byte[]> known)
            throws IOException {
        int newline = indexOf(stored, (byte) '\n');
        int status = Integer.parseInt(new String(stored, 0, newline, StandardCharsets.US_ASCII));
        byte[] body = Arrays.copyOfRange(stored, newline + 1, stored.length);
        if ("prepare".equals(operation) && status == 200) {
            Optional<byte[]> pdf = known;
            boolean prepared = known.isPresent();
            if (!prepared) {
                JsonNode json = mapper.readTree(body);
                prepared = "prepared".equals(json.path("result").asText());
                if (prepared) {
                    pdf = documents.find(tenant, IssuanceId.parse(json.path("issuanceId").asText()));
                }
            }
            if (prepared) {
                body = withPdf(body, pdf);
            }
        }
        metrics.counter("kofu_kiosk_answers", "operation", operation, "status", Integer.toString(status)).increment();
        ctx.status(status).contentType("application/json; charset=utf-8").result(body);
    }

    /** The JSON object {@code body} with a last member {@code "pdf"}: the document in base64, or null once discarded. */
    private static byte[] withPdf(byte[] body, Optional<byte[]> pdf) {
        byte[] head = (pdf.isPresent() ? ",\"pdf\":\"" : ",\"pdf\":null").getBytes(StandardCharsets.US_ASCII);
        byte[] base64 = pdf.map(Base64.getEncoder()::encode).orElse(new byte[0]);
        byte[] tail = (pdf.isPresent() ? "\"}" : "}").getBytes(StandardCharsets.US_ASCII);
        return java.nio.ByteBuffer.allocate(body.length - 1 + head.length + base64.length + tail.length)
                .put(body, 0, body.length - 1).put(head).put(base64).put(tail).array();
    }

    private void send(Context ctx, String operation, Answer answer, LocalGovernmentCode tenant) throws IOException {
        metrics.counter("kofu_kiosk_answers", "operation", operation, "status", Integer.toString(answer.status())).increment();
        ctx.status(answer.status()).contentType("application/json; charset=utf-8").result(mapper.writeValueAsBytes(answer.body()));
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException("a stored answer has no status line");
    }

    private static Answer badRequest(BadRequest e) {
        Map<String, Object> body = result("bad-request");
        body.put("message", e.getMessage());
        return new Answer(400, body);
    }

    private static Map<String, Object> result(String result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        return body;
    }

    /** The answers every step may give instead of its own. */
    private static Answer common(KioskIssuanceUseCase.Common common) {
        if (common instanceof KioskIssuanceUseCase.UnknownTenant) {
            return new Answer(404, result("unknown-tenant"));
        }
        if (common instanceof KioskIssuanceUseCase.SessionInvalid) {
            return new Answer(401, result("session-invalid"));
        }
        ServiceAvailability a = ((KioskIssuanceUseCase.Unavailable) common).availability();
        Map<String, Object> body = result("unavailable");
        if (a instanceof ServiceAvailability.InMaintenance m) {
            body.put("code", "MAINTENANCE");
            body.put("message", m.window().notice().isEmpty() ? "保守作業のため休止しています。" : m.window().notice());
            body.put("until", m.window().until().toString());
        } else {
            String notice = ((ServiceAvailability.OutOfHours) a).notice();
            body.put("code", "OUT_OF_HOURS");
            body.put("message", notice.isEmpty() ? "ただいまの時間はご利用いただけません。" : notice);
        }
        return new Answer(200, body);
    }

    // ---- the five steps -------------------------------------------------------------------------------------

    private Answer challenge(Call call) {
        KioskIssuanceUseCase.ChallengeOutcome outcome =
                kiosk.challenge(new KioskIssuanceUseCase.ChallengeCommand(call.tenant(), call.channel()));
        if (outcome instanceof KioskIssuanceUseCase.Common c) {
            return common(c);
        }
        var issued = ((KioskIssuanceUseCase.ChallengeIssued) outcome).challenge();
        Map<String, Object> body = result("challenge");
        body.put("nonce", issued.nonceText());
        body.put("expiresAt", issued.expiresAt().toString());
        return new Answer(200, body);
    }

    private Answer authenticate(Call call) {
        String nonce = call.text("nonce");
        CardCredential credential = new CardCredential(call.base64("certificate"),
                parse(() -> Base64.getUrlDecoder().decode(nonce), "nonce"), call.base64("signature"));
        KioskIssuanceUseCase.AuthenticationOutcome outcome = kiosk.authenticate(
                new KioskIssuanceUseCase.AuthenticateCommand(call.tenant(), call.channel(), nonce, credential));
        if (outcome instanceof KioskIssuanceUseCase.Common c) {
            return common(c);
        }
        if (outcome instanceof KioskIssuanceUseCase.CardRefused refused) {
            LOG.info("kiosk card refused: tenant {} store {} code {} ({})", call.tenant(), call.channel().storeCode(),
                    refused.reason(), refused.detail());
            Map<String, Object> body = result("refused");
            body.put("code", refused.reason().name());
            body.put("message", refused.reason().japanese());
            return new Answer(200, body);
        }
        var session = ((KioskIssuanceUseCase.Authenticated) outcome).session();
        Map<String, Object> body = result("authenticated");
        body.put("session", session.id());
        body.put("expiresAt", session.expiresAt().toString());
        return new Answer(200, body);
    }

    private Answer menu(Call call) {
        KioskIssuanceUseCase.MenuOutcome outcome = kiosk.menu(
                new KioskIssuanceUseCase.SessionQuery(call.tenant(), call.channel(), call.text("session")));
        if (outcome instanceof KioskIssuanceUseCase.Common c) {
            return common(c);
        }
        var menu = (KioskIssuanceUseCase.Menu) outcome;
        List<Map<String, Object>> items = new ArrayList<>();
        for (KioskIssuanceUseCase.MenuItem item : menu.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", item.kind().cliName());
            m.put("available", item.offered());
            if (item.offered()) {
                m.put("fee", item.fee());
                if (item.kind() == CertificateKind.JUMINHYO) {
                    List<Map<String, Object>> members = new ArrayList<>();
                    for (KioskIssuanceUseCase.MenuMember member : item.members()) {
                        Map<String, Object> mm = new LinkedHashMap<>();
                        mm.put("key", member.key().value());
                        mm.put("name", member.name().toUnicode());
                        mm.put("cardholder", member.cardholder());
                        members.add(mm);
                    }
                    m.put("members", members);
                }
                item.fiscalYear().ifPresent(y -> m.put("fiscalYear", y));
            } else {
                logRefusal(call, "menu", item.kind(), item.refusals());
                m.put("message", ASK_AT_COUNTER);
            }
            items.add(m);
        }
        Map<String, Object> body = result("menu");
        body.put("items", items);
        return new Answer(200, body);
    }

    private Answer prepare(Call call) {
        CertificateRequest request = request(call.body());
        KioskIssuanceUseCase.PrepareOutcome outcome = kiosk.prepare(new KioskIssuanceUseCase.PrepareCommand(
                call.tenant(), call.channel(), call.text("session"), request));
        if (outcome instanceof KioskIssuanceUseCase.Common c) {
            return common(c);
        }
        if (outcome instanceof KioskIssuanceUseCase.Refused refused) {
            logRefusal(call, "prepare", request.kind(), refused.reasons());
            Map<String, Object> body = result("refused");
            body.put("message", ASK_AT_COUNTER);
            return new Answer(200, body);
        }
        KioskIssuanceUseCase.Prepared prepared = (KioskIssuanceUseCase.Prepared) outcome;
        Issuance.Facts f = prepared.issuance().facts();
        Map<String, Object> body = result("prepared");
        body.put("issuanceId", f.id().toString());
        body.put("certificateNumber", f.certificateNumber());
        body.put("kind", f.kind().cliName());
        body.put("copies", f.request().copies());
        body.put("fee", f.fee());
        body.put("test", f.test());
        body.put("pdfSha256", f.pdfSha256());
        return new Answer(200, body, Optional.of(prepared.pdf()));
    }

    private Answer complete(Call call) {
        KioskResult result = switch (call.text("outcome")) {
            case "printed" -> KioskResult.PRINTED;
            case "failed" -> KioskResult.FAILED;
            case "cancelled" -> KioskResult.CANCELLED;
            default -> throw new BadRequest("field 'outcome' must be printed, failed or cancelled");
        };
        IssuanceId id = parse(() -> IssuanceId.parse(call.text("issuanceId")), "issuanceId");
        long feePaid = call.body().path("feePaid").asLong(0);
        if (feePaid < 0) {
            throw new BadRequest("field 'feePaid' must not be negative");
        }
        KioskIssuanceUseCase.CompleteOutcome outcome = kiosk.complete(new KioskIssuanceUseCase.CompleteCommand(
                call.tenant(), call.channel(), call.text("session"), id, result, feePaid));
        if (outcome instanceof KioskIssuanceUseCase.Common c) {
            return common(c);
        }
        if (outcome instanceof KioskIssuanceUseCase.NotCompletable n) {
            Map<String, Object> body = result("not-completable");
            body.put("issuanceId", id.toString());
            body.put("reason", n.why() == KioskIssuanceUseCase.NotCompletable.Why.UNKNOWN ? "unknown" : "already-completed");
            n.current().ifPresent(i -> body.put("state", i.state()));
            return new Answer(200, body);
        }
        Issuance done = ((KioskIssuanceUseCase.Completed) outcome).issuance();
        Map<String, Object> body = result(done.state());
        body.put("issuanceId", id.toString());
        if (done instanceof Issuance.Issued issued) {
            body.put("feePaid", issued.feePaid());
        } else {
            body.put("voidReason", ((Issuance.Voided) done).reason().name());
        }
        return new Answer(200, body);
    }

    private static CertificateRequest request(JsonNode body) {
        CertificateKind kind = parse(() -> CertificateKind.fromCliName(body.path("kind").asText(null)), "kind");
        int copies = body.path("copies").asInt(1);
        return parse(() -> switch (kind) {
            case JUMINHYO -> {
                Set<PersonKey> members = new LinkedHashSet<>();
                body.path("members").forEach(m -> members.add(new PersonKey(m.asText())));
                JsonNode o = body.path("options");
                yield new CertificateRequest.Juminhyo(members, o.path("householdHead").asBoolean(true),
                        o.path("domicile").asBoolean(false), o.path("individualNumber").asBoolean(false),
                        o.path("foreignItems").asBoolean(false), copies);
            }
            case INKAN -> new CertificateRequest.Inkan(copies);
            case SHOTOKU -> new CertificateRequest.Shotoku(body.path("fiscalYear").isInt()
                    ? OptionalInt.of(body.path("fiscalYear").asInt()) : OptionalInt.empty(), copies);
        }, "kind/copies/members/options");
    }

    private static void logRefusal(Call call, String step, CertificateKind kind, List<SuppressionDecision.Refused> reasons) {
        // codes only: who was refused is in the staff's records (history, console), never in the log
        LOG.info("kiosk suppression: tenant {} store {} step {} kind {} reasons {}", call.tenant(),
                call.channel().storeCode(), step, kind.cliName(),
                reasons.stream().map(r -> r.reason().name()).collect(Collectors.joining(",")));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
