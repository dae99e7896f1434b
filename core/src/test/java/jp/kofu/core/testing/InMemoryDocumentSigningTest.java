package jp.kofu.core.testing;

import java.nio.charset.StandardCharsets;

import jp.kofu.core.certificate.port.out.DocumentSigningPort;

class InMemoryDocumentSigningTest extends DocumentSigningPortContract {

    @Override
    protected DocumentSigningPort newPort() {
        return InMemoryDocumentSigning.forTenants(Fixtures.KURUME);
    }

    @Override
    protected DocumentSigningPort newPortWithAnotherKey() {
        return InMemoryDocumentSigning.forTenants(Fixtures.KURUME);
    }

    @Override
    protected byte[] unsignedPdf() {
        return "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
    }
}
