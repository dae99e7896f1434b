package jp.kofu.core.issuance.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.inject.Inject;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.certificate.service.ContentAssembler;
import jp.kofu.core.issuance.domain.Challenge;
import jp.kofu.core.issuance.domain.CardRefusal;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.issuance.domain.KioskPolicy;
import jp.kofu.core.issuance.domain.KioskSession;
import jp.kofu.core.issuance.domain.TimeOrderedIds;
import jp.kofu.core.issuance.port.in.CompleteIssuanceUseCase;
import jp.kofu.core.issuance.port.in.KioskIssuanceUseCase;
import jp.kofu.core.issuance.port.in.PrepareCertificateUseCase;
import jp.kofu.core.issuance.port.out.CardAuthenticationPort;
import jp.kofu.core.issuance.port.out.ChallengePort;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.issuance.port.out.KioskSessionPort;
import jp.kofu.core.issuance.port.out.PreparedDocumentPort;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.suppression.domain.SuppressionPolicies;
import jp.kofu.core.suppression.domain.SuppressionPolicy;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.ServiceAvailability;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/**
 * Implements {@link KioskIssuanceUseCase}. Stateless: challenges, sessions, issuances and prepared PDFs live
 * in the shared stores behind the ports, so any node can serve any call of a flow, and every request's data
 * stays in its own local variables from the session lookup to the PDF.
 *
 * <p>Binding by construction: a certificate's applicant is the session's cardholder, read from the store by
 * the session id; a completion is accepted only for an issuance of the session's cardholder at the
 * session's store. A challenge is used (atomically, once) before the card is even looked at, so each
 * challenge allows exactly one authentication attempt.
 */
public final class KioskIssuanceService implements KioskIssuanceUseCase {

    /** Random bytes of a nonce and of a session id, after their time prefix (see {@link TimeOrderedIds}). */
    private static final int NONCE_BYTES = 32;
    private static final int SESSION_BYTES = 32;
    private static final int SWEEP_BATCH = 200;

    private final TenantSettingsPort tenants;
    private final ReplicaReadPort replica;
    private final CardAuthenticationPort cards;
    private final ChallengePort challenges;
    private final KioskSessionPort sessions;
    private final PreparedDocumentPort documents;
    private final IssuanceHistoryPort history;
    private final PrepareCertificateUseCase preparer;
    private final CompleteIssuanceUseCase completer;
    private final KioskPolicy policy;
    private final Clock clock;
    private final List<SuppressionPolicy> policies = SuppressionPolicies.all();

    @Inject
    public KioskIssuanceService(TenantSettingsPort tenants, ReplicaReadPort replica, CardAuthenticationPort cards,
                                ChallengePort challenges, KioskSessionPort sessions, PreparedDocumentPort documents,
                                IssuanceHistoryPort history, PrepareCertificateUseCase preparer,
                                CompleteIssuanceUseCase completer, KioskPolicy policy, Clock clock) {
        this.tenants = tenants;
        this.replica = replica;
        this.cards = cards;
        this.challenges = challenges;
        this.sessions = sessions;
        this.documents = documents;
        this.history = history;
        this.preparer = preparer;
        this.completer = completer;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public ChallengeOutcome challenge(ChallengeCommand command) {
        Optional<TenantSettings> tenant = tenants.find(command.tenant());
        if (tenant.isEmpty()) {
            return new UnknownTenant();
        }
        Instant now = clock.instant();
        ServiceAvailability availability = tenant.get().availability(local(tenant.get(), now));
        if (!availability.isOpen()) {
            return new Unavailable(availability);
        }
        Challenge challenge = new Challenge(command.tenant(), TimeOrderedIds.bytes(now, NONCE_BYTES), now,
                now.plus(policy.challengeTtl()));
        challenges.issue(challenge);
        return new ChallengeIssued(challenge);
    }

    @Override
    public AuthenticationOutcome authenticate(AuthenticateCommand command) {
        Optional<TenantSettings> tenant = tenants.find(command.tenant());
        if (tenant.isEmpty()) {
            return new UnknownTenant();
        }
        Instant now = clock.instant();
        ServiceAvailability availability = tenant.get().availability(local(tenant.get(), now));
        if (!availability.isOpen()) {
            return new Unavailable(availability);
        }
        byte[] nonce;
        try {
            nonce = Base64.getUrlDecoder().decode(command.nonce());
        } catch (IllegalArgumentException e) {
            return new CardRefused(CardRefusal.UNKNOWN_CHALLENGE, "the challenge is not URL-safe base64");
        }
        if (!java.util.Arrays.equals(nonce, command.credential().challenge())) {
            return new CardRefused(CardRefusal.BAD_CHALLENGE_SIGNATURE, "the credential signs another challenge");
        }
        switch (challenges.use(command.tenant(), Challenge.encode(nonce), now)) {
            case UNKNOWN:
                return new CardRefused(CardRefusal.UNKNOWN_CHALLENGE, "the challenge was not issued to this tenant");
            case EXPIRED:
                return new CardRefused(CardRefusal.CHALLENGE_EXPIRED, "the challenge expired");
            case REPLAYED:
                return new CardRefused(CardRefusal.CHALLENGE_REPLAYED, "the challenge was already used");
            case ACCEPTED:
            default:
                break;
        }
        CardAuthenticationPort.Verification verification = cards.verify(command.credential(), now);
        if (verification instanceof CardAuthenticationPort.Rejected rejected) {
            return new CardRefused(rejected.reason(), rejected.detail());
        }
        CardAuthenticationPort.Verified card = (CardAuthenticationPort.Verified) verification;
        Optional<PersonKey> holder = replica.cardholder(command.tenant(), card.issuerNames(), card.serial());
        if (holder.isEmpty()) {
            // the card's serial identifies its holder: it stays out of the detail, which goes to the log
            return new CardRefused(CardRefusal.UNKNOWN_CARDHOLDER, "the card's serial maps to no cardholder of the replica");
        }
        KioskSession session = new KioskSession(Base64.getUrlEncoder().withoutPadding().encodeToString(
                TimeOrderedIds.bytes(now, SESSION_BYTES)), command.tenant(), holder.get(), card.issuer(), card.serial(),
                command.channel(), now, now.plus(policy.sessionTtl()));
        sessions.open(session);
        return new Authenticated(session);
    }

    @Override
    public MenuOutcome menu(SessionQuery query) {
        Optional<TenantSettings> found = tenants.find(query.tenant());
        if (found.isEmpty()) {
            return new UnknownTenant();
        }
        TenantSettings tenant = found.get();
        Instant now = clock.instant();
        LocalDateTime local = local(tenant, now);
        ServiceAvailability availability = tenant.availability(local);
        if (!availability.isOpen()) {
            return new Unavailable(availability);
        }
        Optional<KioskSession> session = liveSession(query.tenant(), query.channel(), query.session(), now);
        if (session.isEmpty()) {
            return new SessionInvalid();
        }
        PersonKey holder = session.get().cardholder();
        List<MenuItem> items = replica.read(query.tenant(), snapshot -> {
            List<MenuItem> out = new ArrayList<>();
            for (CertificateKind kind : CertificateKind.values()) {
                if (!tenant.enabledKinds().contains(kind)) {
                    continue;
                }
                CertificateRequest request = CertificateRequest.defaultFor(kind);
                PrepareCertificateService.Draft draft = PrepareCertificateService.draft(snapshot, tenant,
                        new PrepareCertificateUseCase.Command(query.tenant(), holder, request, session.get().channel(), ""),
                        local, policies);
                List<MenuMember> members = List.of();
                if (kind == CertificateKind.JUMINHYO && draft.refusals() == null) {
                    Resident applicant = snapshot.resident(holder).orElseThrow();
                    members = ContentAssembler.juminhyoPeople(CertificateRequest.Juminhyo.wholeHousehold(),
                                    snapshot.members(applicant.household())).stream()
                            .map(r -> new MenuMember(r.key(), r.name(), r.key().equals(holder))).toList();
                }
                OptionalInt year = kind == CertificateKind.SHOTOKU
                        ? OptionalInt.of(tenant.latestTaxYear(local.toLocalDate())) : OptionalInt.empty();
                out.add(new MenuItem(kind, tenant.feeFor(kind), members, year,
                        draft.refusals() == null ? List.of() : draft.refusals()));
            }
            return out;
        });
        return new Menu(session.get(), items);
    }

    @Override
    public PrepareOutcome prepare(PrepareCommand command) {
        Optional<TenantSettings> found = tenants.find(command.tenant());
        if (found.isEmpty()) {
            return new UnknownTenant();
        }
        Instant now = clock.instant();
        ServiceAvailability availability = found.get().availability(local(found.get(), now));
        if (!availability.isOpen()) {
            return new Unavailable(availability);
        }
        Optional<KioskSession> session = liveSession(command.tenant(), command.channel(), command.session(), now);
        if (session.isEmpty()) {
            return new SessionInvalid();
        }
        // the applicant and the channel come from the stored session, never from the request
        PrepareCertificateUseCase.Outcome outcome = preparer.prepare(new PrepareCertificateUseCase.Command(
                command.tenant(), session.get().cardholder(), command.request(), session.get().channel(), ""), found.get());
        if (outcome instanceof PrepareCertificateUseCase.Refused refused) {
            return new Refused(refused.reasons());
        }
        PrepareCertificateUseCase.Ready ready = (PrepareCertificateUseCase.Ready) outcome;
        documents.keep(command.tenant(), ready.issuance().id(), ready.pdf());
        return new Prepared(ready.issuance(), ready.content(), ready.pdf());
    }

    @Override
    public CompleteOutcome complete(CompleteCommand command) {
        if (tenants.find(command.tenant()).isEmpty()) {
            return new UnknownTenant();
        }
        // a completion may come after the session's end (printing takes minutes), but only from its store
        Optional<KioskSession> session = sessions.find(command.tenant(), command.session())
                .filter(s -> sameStore(s.channel(), command.channel()));
        if (session.isEmpty()) {
            return new SessionInvalid();
        }
        Optional<Issuance> current = history.find(command.tenant(), command.issuance());
        if (current.isEmpty() || !ownedBy(current.get(), session.get())) {
            return new NotCompletable(NotCompletable.Why.UNKNOWN, Optional.empty());
        }
        if (!(current.get() instanceof Issuance.Prepared)) {
            return new NotCompletable(NotCompletable.Why.ALREADY_COMPLETED, current);
        }
        Optional<Issuance.VoidReason> voidReason = switch (command.result()) {
            case PRINTED -> Optional.empty();
            case FAILED -> Optional.of(Issuance.VoidReason.PRINT_FAILED);
            case CANCELLED -> Optional.of(Issuance.VoidReason.CANCELLED);
        };
        Optional<Issuance> done = completer.complete((Issuance.Prepared) current.get(), voidReason,
                voidReason.isPresent() ? 0 : command.feePaid());
        documents.discard(command.tenant(), command.issuance());
        if (done.isEmpty()) {
            // another node completed or voided it a moment ago
            return new NotCompletable(NotCompletable.Why.ALREADY_COMPLETED, history.find(command.tenant(), command.issuance()));
        }
        return new Completed(done.get());
    }

    @Override
    public Sweep sweep() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(policy.completionTimeout());
        int voided = 0;
        for (TenantSettings tenant : tenants.all()) {
            LocalGovernmentCode code = tenant.code();
            List<Issuance.Prepared> stale;
            do {
                stale = history.preparedBefore(code, cutoff, SWEEP_BATCH);
                for (Issuance.Prepared p : stale) {
                    if (completer.complete(p, Optional.of(Issuance.VoidReason.TIMED_OUT), 0).isPresent()) {
                        voided++;
                    }
                    documents.discard(code, p.id());
                }
            } while (stale.size() == SWEEP_BATCH);
        }
        Instant forgetBefore = now.minus(policy.retention());
        int purged = challenges.purgeExpiredBefore(forgetBefore) + sessions.purgeExpiredBefore(forgetBefore);
        return new Sweep(voided, purged, now);
    }

    private Optional<KioskSession> liveSession(LocalGovernmentCode tenant, IssuanceChannel channel, String id, Instant now) {
        return sessions.find(tenant, id).filter(s -> s.isLiveAt(now) && sameStore(s.channel(), channel));
    }

    private static boolean sameStore(IssuanceChannel a, IssuanceChannel b) {
        return a.storeCode().equals(b.storeCode()) && a.prefecture().equals(b.prefecture());
    }

    private static boolean ownedBy(Issuance issuance, KioskSession session) {
        return issuance.facts().applicant().equals(session.cardholder())
                && sameStore(issuance.facts().channel(), session.channel());
    }

    private static LocalDateTime local(TenantSettings tenant, Instant at) {
        return LocalDateTime.ofInstant(at, tenant.zone());
    }
}
