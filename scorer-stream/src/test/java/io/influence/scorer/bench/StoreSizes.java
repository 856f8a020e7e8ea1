package io.influence.scorer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * What a closed application's state directory holds, store by store: the entries and the bytes of
 * their keys and values as RocksDB stores them (so with the timestamps Kafka Streams adds to table and
 * window stores), read from every RocksDB instance below the directory, and the size of all its files.
 *
 * @param stores by store name; a window store's segments are added together
 * @param fileBytes the size of every file in the state directory
 */
record StoreSizes(Map<String, Store> stores, long fileBytes) {
  /** A window store keeps each segment in a RocksDB directory named {@code <store>.<segment id>}. */
  private static final Pattern SEGMENT = Pattern.compile("(.+)\\.\\d+");
  /** Where Kafka Streams keeps a store's records; other column families (its committed offsets) are added up apart. */
  private static final Set<String> DATA_FAMILIES = Set.of("default", "keyValueWithTimestamp");

  /** One store's entries and their serialized bytes. */
  record Store(long entries, long keyBytes, long valueBytes) {
    long bytes() {
      return keyBytes + valueBytes;
    }

    Store plus(Store other) {
      return new Store(entries + other.entries, keyBytes + other.keyBytes, valueBytes + other.valueBytes);
    }
  }

  /** Reads a state directory that no running application holds open. */
  static StoreSizes of(Path stateDirectory) throws IOException {
    RocksDB.loadLibrary();
    Map<String, Store> stores = new TreeMap<>();
    long fileBytes = 0;
    try (Stream<Path> paths = Files.walk(stateDirectory)) {
      for (Path path : paths.toList()) {
        if (Files.isRegularFile(path)) {
          fileBytes += Files.size(path);
        } else if (Files.isRegularFile(path.resolve("CURRENT"))) {
          String store = storeName(path);
          read(path).forEach((family, sizes) -> stores.merge(
              DATA_FAMILIES.contains(family) ? store : "(" + family + " column family of all stores)", sizes, Store::plus));
        }
      }
    }
    return new StoreSizes(stores, fileBytes);
  }

  long totalBytes() {
    return stores.values().stream().mapToLong(Store::bytes).sum();
  }

  long entries(String store) {
    Store sizes = stores.get(store);
    return sizes == null ? 0 : sizes.entries();
  }

  private static String storeName(Path rocksDbDirectory) {
    String name = rocksDbDirectory.getFileName().toString();
    Matcher segment = SEGMENT.matcher(name);
    Path parent = rocksDbDirectory.getParent();
    return segment.matches() && parent != null && parent.getFileName().toString().equals(segment.group(1)) ? segment.group(1) : name;
  }

  /** Every non-empty column family of one RocksDB instance, opened read-only, by name. */
  private static Map<String, Store> read(Path directory) {
    String path = directory.toString();
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (Options options = new Options(); DBOptions dbOptions = new DBOptions()) {
      List<ColumnFamilyDescriptor> families = RocksDB.listColumnFamilies(options, path).stream()
          .map(ColumnFamilyDescriptor::new).toList();
      try (RocksDB db = RocksDB.openReadOnly(dbOptions, path, families, handles)) {
        Map<String, Store> byFamily = new TreeMap<>();
        for (ColumnFamilyHandle handle : handles) {
          Store sizes = read(db, handle);
          if (sizes.entries() > 0) {
            byFamily.put(new String(handle.getName(), StandardCharsets.UTF_8), sizes);
          }
        }
        return byFamily;
      } finally {
        handles.forEach(ColumnFamilyHandle::close);
      }
    } catch (RocksDBException e) {
      throw new UncheckedIOException(new IOException("cannot read RocksDB at " + path + ": " + e.getMessage(), e));
    }
  }

  private static Store read(RocksDB db, ColumnFamilyHandle family) {
    long entries = 0;
    long keyBytes = 0;
    long valueBytes = 0;
    try (RocksIterator iterator = db.newIterator(family)) {
      for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
        entries++;
        keyBytes += iterator.key().length;
        valueBytes += iterator.value().length;
      }
    }
    return new Store(entries, keyBytes, valueBytes);
  }
}
