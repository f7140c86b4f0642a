/**
 * Parley's MongoDB storage, chosen by the location schemes {@code mongodb:} and
 * {@code mongodb+srv:}, as in {@code mongodb://localhost:27017/parley}.
 */
module dev.parley.storage.mongo {
    requires transitive dev.parley.api;
    requires org.slf4j;
    requires org.mongodb.driver.sync.client;
    requires org.mongodb.driver.core;
    requires org.mongodb.bson;

    exports dev.parley.storage.mongo;

    provides dev.parley.spi.StorageProvider with dev.parley.storage.mongo.MongoStorageProvider;
}
