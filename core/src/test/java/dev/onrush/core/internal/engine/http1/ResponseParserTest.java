package dev.onrush.core.internal.engine.http1;

import static dev.onrush.core.internal.engine.http1.ResponseParser.COMPLETE;
import static dev.onrush.core.internal.engine.http1.ResponseParser.ERROR;
import static dev.onrush.core.internal.engine.http1.ResponseParser.NEED_MORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

    private final ResponseParser parser = new ResponseParser();

    private static Buffer buf(String s) {
        return Buffer.buffer(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private int parse(String response) {
        parser.start(false);
        return parser.feed(buf(response));
    }

    /** Feeds one byte at a time; returns the first non-NEED_MORE result, or NEED_MORE. */
    private int parseBytewise(boolean head, String response) {
        parser.start(head);
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        for (byte b : bytes) {
            int result = parser.feed(Buffer.buffer(new byte[] {b}));
            if (result != NEED_MORE) {
                return result;
            }
        }
        return NEED_MORE;
    }

    @Test
    void contentLengthResponseCompletesWithStatusBodyAndByteCount() {
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";

        assertThat(parse(response)).isEqualTo(COMPLETE);
        assertThat(parser.statusCode()).isEqualTo(200);
        assertThat(parser.bodyBytes()).isEqualTo(5);
        assertThat(parser.bytesRead()).isEqualTo(response.length());
        assertThat(parser.keepAlive()).isTrue();
        assertThat(parser.leftoverBytes()).isZero();
        assertThat(parser.errorMessage()).isNull();
    }

    @Test
    void responseSplitIntoSingleBytesCompletesAtTheLastByte() {
        String response = "HTTP/1.1 201 Created\r\ncontent-length: 3\r\n\r\nabc";

        assertThat(parseBytewise(false, response)).isEqualTo(COMPLETE);
        assertThat(parser.bytesRead()).isEqualTo(response.length());
        assertThat(parser.bodyBytes()).isEqualTo(3);
    }

    @Test
    void incompleteBodyNeedsMore() {
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello")).isEqualTo(NEED_MORE);
        assertThat(parser.feed(buf("world"))).isEqualTo(COMPLETE);
        assertThat(parser.bodyBytes()).isEqualTo(10);
    }

    @Test
    void http10StatusLineWithoutReasonPhraseIsAccepted() {
        assertThat(parse("HTTP/1.0 404\r\nContent-Length: 0\r\n\r\n")).isEqualTo(COMPLETE);
        assertThat(parser.statusCode()).isEqualTo(404);
    }

    @Test
    void emptyReasonPhraseIsAccepted() {
        assertThat(parse("HTTP/1.1 500 \r\nContent-Length: 0\r\n\r\n")).isEqualTo(COMPLETE);
        assertThat(parser.statusCode()).isEqualTo(500);
    }

    @Test
    void headerNamesMatchCaseInsensitivelyAndValuesMayHaveWhitespace() {
        assertThat(parse("HTTP/1.1 200 OK\r\nCONTENT-length:\t 2 \t\r\nX-Other: y\r\n\r\nab")).isEqualTo(COMPLETE);
        assertThat(parser.bodyBytes()).isEqualTo(2);
    }

    @Test
    void similarHeaderNamesAreNotMistakenForFramingHeaders() {
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length-X: abc\r\nContent-Lengt: x\r\nConnectionx: close\r\n"
                + "Content-Length: 1\r\n\r\na")).isEqualTo(COMPLETE);
        assertThat(parser.keepAlive()).isTrue();
    }

    @Test
    void bareLfLineEndingsAreAccepted() {
        assertThat(parse("HTTP/1.1 200 OK\nContent-Length: 1\n\nx")).isEqualTo(COMPLETE);
        assertThat(parser.bodyBytes()).isEqualTo(1);
    }

    @Test
    void connectionCloseDisablesKeepAlive() {
        assertThat(parse("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n")).isEqualTo(COMPLETE);
        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void connectionTokenListContainingCloseDisablesKeepAlive() {
        assertThat(parse("HTTP/1.1 200 OK\r\nConnection: upgrade, close\r\nContent-Length: 0\r\n\r\n"))
                .isEqualTo(COMPLETE);
        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void http10WithoutKeepAliveIsNotKeptAlive() {
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")).isEqualTo(COMPLETE);
        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void http10WithKeepAliveIsKeptAlive() {
        assertThat(parse("HTTP/1.0 200 OK\r\nconnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n"))
                .isEqualTo(COMPLETE);
        assertThat(parser.keepAlive()).isTrue();
    }

    @Test
    void chunkedBodyCountsOnlyChunkData() {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1A\r\n"
                + "abcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n";

        assertThat(parse(response)).isEqualTo(COMPLETE);
        assertThat(parser.bodyBytes()).isEqualTo(31);
        assertThat(parser.bytesRead()).isEqualTo(response.length());
        assertThat(parser.keepAlive()).isTrue();
    }

    @Test
    void chunkedBodyWithExtensionsAndTrailersCompletes() {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;foo=bar\r\nabc\r\n2 ; name=\"q;x\"\r\nde\r\n0;last\r\nX-Trailer: 1\r\nX-Sum: abc\r\n\r\n";

        assertThat(parseBytewise(false, response)).isEqualTo(COMPLETE);
        assertThat(parser.bodyBytes()).isEqualTo(5);
        assertThat(parser.bytesRead()).isEqualTo(response.length());
    }

    @Test
    void transferEncodingListEndingInChunkedIsChunkedAndOverridesContentLength() {
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
                + "2\r\nab\r\n0\r\n\r\n";

        assertThat(parse(response)).isEqualTo(COMPLETE);
        assertThat(parser.bodyBytes()).isEqualTo(2);
    }

    @Test
    void transferEncodingNotEndingInChunkedIsReadUntilClose() {
        assertThat(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\nxyz")).isEqualTo(NEED_MORE);
        assertThat(parser.onClose()).isTrue();
        assertThat(parser.bodyBytes()).isEqualTo(3);
        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void headResponseHasNoBodyDespiteContentLength() {
        assertThat(parseBytewise(true, "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n")).isEqualTo(COMPLETE);
        assertThat(parser.bodyBytes()).isZero();
        assertThat(parser.keepAlive()).isTrue();
    }

    @Test
    void noContentAndNotModifiedHaveNoBody() {
        assertThat(parse("HTTP/1.1 204 No Content\r\n\r\n")).isEqualTo(COMPLETE);
        assertThat(parser.keepAlive()).isTrue();
        assertThat(parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\n")).isEqualTo(COMPLETE);
        assertThat(parser.bodyBytes()).isZero();
    }

    @Test
    void continueIsSkippedAndTheFinalResponseIsParsed() {
        String response = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

        assertThat(parseBytewise(false, response)).isEqualTo(COMPLETE);
        assertThat(parser.statusCode()).isEqualTo(200);
        assertThat(parser.bodyBytes()).isEqualTo(2);
        assertThat(parser.bytesRead()).isEqualTo(response.length());
    }

    @Test
    void switchingProtocolsIsAnError() {
        assertThat(parse("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n")).isEqualTo(ERROR);
        assertThat(parser.errorMessage()).contains("101");
    }

    @Test
    void bodyWithoutLengthIsReadUntilCloseAndCompletesOnClose() {
        assertThat(parse("HTTP/1.1 200 OK\r\n\r\nsome")).isEqualTo(NEED_MORE);
        assertThat(parser.feed(buf(" more"))).isEqualTo(NEED_MORE);

        assertThat(parser.onClose()).isTrue();
        assertThat(parser.bodyBytes()).isEqualTo(9);
        assertThat(parser.bytesRead()).isEqualTo(28);
        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void closeDuringHeadersOrLengthBodyIsNotACompleteResponse() {
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Le")).isEqualTo(NEED_MORE);
        assertThat(parser.onClose()).isFalse();
        assertThat(parser.errorMessage()).contains("closed before the response was complete");

        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc")).isEqualTo(NEED_MORE);
        assertThat(parser.onClose()).isFalse();
    }

    @Test
    void closeWithoutARequestInFlightIsNotAResponse() {
        assertThat(parser.onClose()).isFalse();
        assertThat(parser.errorMessage()).isNull();
    }

    @Test
    void invalidContentLengthIsAnError() {
        for (String value : new String[] {"abc", "-1", "1 2", "", "99999999999999999999"}) {
            assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: " + value + "\r\n\r\n")).as(value).isEqualTo(ERROR);
            assertThat(parser.errorMessage()).as(value).contains("Content-Length");
        }
    }

    @Test
    void conflictingContentLengthsAreAnError() {
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")).isEqualTo(ERROR);
    }

    @Test
    void invalidChunkSizeIsAnError() {
        for (String size : new String[] {"xyz", "", "1 2", "1000000000000000"}) {
            String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\nabc\r\n0\r\n\r\n";
            assertThat(parse(response)).as(size).isEqualTo(ERROR);
            assertThat(parser.errorMessage()).as(size).contains("chunk size");
        }
    }

    @Test
    void chunkDataNotFollowedByCrlfIsAnError() {
        assertThat(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n"))
                .isEqualTo(ERROR);
    }

    @Test
    void headSectionOverTheLimitIsAnError() {
        ResponseParser small = new ResponseParser(64);
        small.start(false);

        int result = small.feed(buf("HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(64) + "\r\n\r\n"));

        assertThat(result).isEqualTo(ERROR);
        assertThat(small.errorMessage()).contains("exceeds 64 bytes");
    }

    @Test
    void defaultLimitRejectsHeadersOf64KiB() {
        assertThat(parse("HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(64 * 1024) + "\r\n\r\n")).isEqualTo(ERROR);
    }

    @Test
    void malformedStatusLinesAreErrors() {
        for (String line : new String[] {"HTTP/2.0 200 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK", "HTTP/1.1200 OK",
            "http/1.1 200 OK", "HTTP/1.1 abc OK", "HTTP/1.1 099 x"}) {
            assertThat(parse(line + "\r\nContent-Length: 0\r\n\r\n")).as(line).isEqualTo(ERROR);
        }
    }

    @Test
    void malformedHeaderLinesAreErrors() {
        for (String header : new String[] {"Bad Name: x", " folded", "NoColon", "X: a\rb", "X: \u0001"}) {
            assertThat(parse("HTTP/1.1 200 OK\r\n" + header + "\r\nContent-Length: 0\r\n\r\n"))
                    .as(header).isEqualTo(ERROR);
        }
    }

    @Test
    void bytesAfterTheResponseAreReportedAsLeftoverAndCanStartTheNextResponse() {
        String second = "HTTP/1.1 404 NF\r\nContent-Length: 0\r\n\r\n";
        Buffer data = buf("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na" + second);
        parser.start(false);

        assertThat(parser.feed(data)).isEqualTo(COMPLETE);
        assertThat(parser.leftoverBytes()).isEqualTo(second.length());

        int next = data.length() - parser.leftoverBytes();
        parser.start(false);
        assertThat(parser.feed(data, next)).isEqualTo(COMPLETE);
        assertThat(parser.statusCode()).isEqualTo(404);
        assertThat(parser.leftoverBytes()).isZero();
    }

    @Test
    void bytesWhileNoRequestIsInFlightAreAnError() {
        assertThat(parser.feed(buf("HTTP/1.1 200 OK\r\n"))).isEqualTo(ERROR);
        assertThat(parse("HTTP/1.1 204 No Content\r\n\r\n")).isEqualTo(COMPLETE);
        assertThat(parser.feed(buf("x"))).isEqualTo(ERROR);
        assertThat(parser.errorMessage()).contains("1 unexpected bytes");
    }

    @Test
    void parserIsReusableAfterAnError() {
        assertThat(parse("garbage\r\n\r\n")).isEqualTo(ERROR);
        assertThat(parser.feed(buf("more"))).isEqualTo(ERROR);

        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")).isEqualTo(COMPLETE);
        assertThat(parser.errorMessage()).isNull();
    }

    @Test
    void constructorRejectsNonPositiveLimit() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ResponseParser(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxHeadBytes");
    }
}
