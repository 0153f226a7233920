package dev.onrush.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the browser tests look for Chromium: the {@code CHROMIUM} variable, then the names on the path. */
class ChromiumPageTest {

    @TempDir
    Path tmp;

    @Test
    void theVariableWinsOverThePath() throws Exception {
        Path bin = Files.createDirectory(tmp.resolve("bin"));
        executable(bin.resolve("chromium"));
        Path own = executable(tmp.resolve("my-chrome"));

        assertThat(ChromiumPage.find(own.toString(), bin.toString())).contains(own);
        assertThat(ChromiumPage.find(tmp.resolve("absent").toString(), bin.toString()))
                .as("a CHROMIUM that is not there is not silently replaced").isEmpty();
    }

    @Test
    void thePathIsSearchedForEachNameInTurn() throws Exception {
        Path first = Files.createDirectory(tmp.resolve("first"));
        Path second = Files.createDirectory(tmp.resolve("second"));
        Path chrome = executable(first.resolve("google-chrome"));
        Path browser = executable(second.resolve("chromium-browser"));
        Files.writeString(first.resolve("chromium"), "not executable");
        String path = first + File.pathSeparator + second;

        assertThat(ChromiumPage.find(null, path)).contains(browser);
        assertThat(ChromiumPage.find("", first.toString())).contains(chrome);
        assertThat(ChromiumPage.find(null, tmp.toString())).isEmpty();
        assertThat(ChromiumPage.find(null, null)).isEmpty();
    }

    private static Path executable(Path file) throws Exception {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
