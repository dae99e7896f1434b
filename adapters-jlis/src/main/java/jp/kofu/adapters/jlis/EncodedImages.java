package jp.kofu.adapters.jlis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * PNG images (the 公印) encoded for PDF once per process, not once per certificate. PDFBox decodes a PNG and
 * re-encodes its pixels (predictor and Flate) every time it makes an image object of it, which cost more than
 * the rest of a certificate's rendering together; here the encoded image — its dictionary, its compressed
 * stream and its soft mask — is kept as immutable data and copied into each document as new objects. The
 * copy is the same bytes PDFBox would have written, so the output does not change.
 *
 * <p>Keyed by the SHA-256 of the PNG: a tenant that replaces its seal image gets the new one. Thread-safe.
 */
final class EncodedImages {

    private static final Map<String, Part> CACHE = new ConcurrentHashMap<>();
    /** More distinct images than any set of forms holds: beyond it, images are encoded per use (no growth). */
    private static final int MAX_ENTRIES = 256;

    private EncodedImages() {
    }

    /**
     * The image as an object of the document.
     *
     * @throws IOException when the bytes are not an image PDFBox reads
     */
    static PDImageXObject of(PDDocument document, byte[] png, String file) throws IOException {
        String key = sha256(png) + "/" + file;
        Part encoded = CACHE.get(key);
        if (encoded == null) {
            encoded = encode(png, file);
            if (CACHE.size() < MAX_ENTRIES) {
                CACHE.putIfAbsent(key, encoded);
            }
        }
        COSBase copy = encoded.build(document.getDocument());
        return new PDImageXObject(new PDStream((COSStream) copy), null);
    }

    private static Part encode(byte[] png, String file) throws IOException {
        try (PDDocument scratch = new PDDocument()) {
            PDImageXObject image = PDImageXObject.createFromByteArray(scratch, png, file);
            return capture(image.getCOSObject());
        }
    }

    /** A COS object as immutable data. */
    private sealed interface Part permits Leaf, Text, Dict, Arr {
        COSBase build(COSDocument target) throws IOException;
    }

    /** Names, numbers, booleans and null: immutable in PDFBox, shared as they are. */
    private record Leaf(COSBase value) implements Part {
        @Override
        public COSBase build(COSDocument target) {
            return value;
        }
    }

    private record Text(byte[] bytes) implements Part {
        @Override
        public COSBase build(COSDocument target) {
            return new COSString(bytes);
        }
    }

    /** A dictionary, or a stream when {@code raw} (its encoded bytes, filters not undone) is not null. */
    private record Dict(Map<COSName, Part> entries, byte[] raw) implements Part {
        @Override
        public COSBase build(COSDocument target) throws IOException {
            COSDictionary out = raw == null ? new COSDictionary() : target.createCOSStream();
            for (Map.Entry<COSName, Part> e : entries.entrySet()) {
                out.setItem(e.getKey(), e.getValue().build(target));
            }
            if (raw != null) {
                try (OutputStream o = ((COSStream) out).createRawOutputStream()) {
                    o.write(raw);
                }
            }
            return out;
        }
    }

    private record Arr(List<Part> items) implements Part {
        @Override
        public COSBase build(COSDocument target) throws IOException {
            COSArray out = new COSArray();
            for (Part p : items) {
                out.add(p.build(target));
            }
            return out;
        }
    }

    private static Part capture(COSBase base) throws IOException {
        COSBase value = base instanceof COSObject o ? o.getObject() : base;
        if (value instanceof COSStream stream) {
            byte[] raw;
            try (InputStream in = stream.createRawInputStream()) {
                raw = in.readAllBytes();
            }
            return new Dict(entries(stream), raw);
        }
        if (value instanceof COSDictionary dictionary) {
            return new Dict(entries(dictionary), null);
        }
        if (value instanceof COSArray array) {
            List<Part> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                items.add(capture(array.get(i)));
            }
            return new Arr(List.copyOf(items));
        }
        if (value instanceof COSString s) {
            return new Text(s.getBytes().clone());
        }
        return new Leaf(value);
    }

    private static Map<COSName, Part> entries(COSDictionary dictionary) throws IOException {
        Map<COSName, Part> out = new LinkedHashMap<>();
        for (Map.Entry<COSName, COSBase> e : dictionary.entrySet()) {
            if (!COSName.LENGTH.equals(e.getKey())) {
                out.put(e.getKey(), capture(e.getValue()));
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
