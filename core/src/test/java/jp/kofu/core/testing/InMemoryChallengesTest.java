package jp.kofu.core.testing;

import jp.kofu.core.issuance.port.out.ChallengePort;

class InMemoryChallengesTest extends ChallengePortContract {

    @Override
    protected ChallengePort newPort() {
        return new InMemoryChallenges();
    }
}
