package jp.kofu.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;

/** Assembles {@link ReplicaContent} (複製データ); entities keep the order they are added in. */
public final class ReplicaContentBuilder {

    private final List<Resident> residents = new ArrayList<>();
    private final List<Household> households = new ArrayList<>();
    private final List<SealRegistration> seals = new ArrayList<>();
    private final List<SuppressionFlag> flags = new ArrayList<>();
    private final List<CardholderLink> cardholders = new ArrayList<>();
    private final List<TaxRecord> taxRecords = new ArrayList<>();

    ReplicaContentBuilder() {
    }

    public ReplicaContentBuilder with(Resident... more) {
        residents.addAll(Arrays.asList(more));
        return this;
    }

    public ReplicaContentBuilder with(Household... more) {
        households.addAll(Arrays.asList(more));
        return this;
    }

    public ReplicaContentBuilder with(SealRegistration... more) {
        seals.addAll(Arrays.asList(more));
        return this;
    }

    public ReplicaContentBuilder with(SuppressionFlag... more) {
        flags.addAll(Arrays.asList(more));
        return this;
    }

    public ReplicaContentBuilder with(CardholderLink... more) {
        cardholders.addAll(Arrays.asList(more));
        return this;
    }

    public ReplicaContentBuilder with(TaxRecord... more) {
        taxRecords.addAll(Arrays.asList(more));
        return this;
    }

    public ReplicaContent build() {
        return new ReplicaContent(residents, households, seals, flags, cardholders, taxRecords);
    }
}
