package jp.kofu.server.json;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.gaiji.domain.PrintedText;

/**
 * The JSON form of certificate content (証明書記載内容のJSON), documented in {@code docs/render-json.md}:
 * what {@code kofu render} reads and what the console shows as data. Printed text is a string in the
 * tagged form ({@code {MJ012345}} for MJ-only characters); dates are ISO {@code yyyy-MM-dd}; the
 * {@code kind} property selects juminhyo, inkan or shotoku.
 */
public final class ContentJson {

    private ContentJson() {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = CertificateContent.Juminhyo.class, name = "juminhyo"),
            @JsonSubTypes.Type(value = CertificateContent.Inkan.class, name = "inkan"),
            @JsonSubTypes.Type(value = CertificateContent.Shotoku.class, name = "shotoku")})
    private interface ContentMixin {
    }

    /** A mapper for certificate content; thread-safe once built. */
    public static ObjectMapper mapper() {
        SimpleModule printed = new SimpleModule("printed-text");
        printed.addSerializer(PrintedText.class, new JsonSerializer<>() {
            @Override
            public void serialize(PrintedText value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toTagged());
            }
        });
        printed.addDeserializer(PrintedText.class, new JsonDeserializer<>() {
            @Override
            public PrintedText deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return PrintedText.parse(text);
                } catch (IllegalArgumentException e) {
                    throw JsonMappingException.from(p, "bad printed text: " + e.getMessage(), e);
                }
            }

            @Override
            public PrintedText getNullValue(DeserializationContext ctxt) {
                return PrintedText.EMPTY;
            }
        });
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(printed)
                .addMixIn(CertificateContent.class, ContentMixin.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
