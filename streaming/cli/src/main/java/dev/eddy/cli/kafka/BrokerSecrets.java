package dev.eddy.cli.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Small secret files of the standalone broker (store and internal passwords): owner-only, one line. */
final class BrokerSecrets {
  private BrokerSecrets() {}

  static void write(Path file, String secret) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, secret, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The secret in {@code file}, made (random) first when the file does not exist. */
  static String readOrCreate(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        Files.createDirectories(file.getParent());
        write(file, BrokerCertificates.randomPassword());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return read(file);
  }
}
