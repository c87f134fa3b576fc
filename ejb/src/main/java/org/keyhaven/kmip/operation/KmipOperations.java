package org.keyhaven.kmip.operation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keyhaven.kmip.message.Operation;
import org.keyhaven.kmip.message.OperationHandler;

/** The operations the server answers, each bound to the managed objects of the calling client. */
public final class KmipOperations {

    private KmipOperations() {
    }

    public static Map<Operation, OperationHandler> handlers(ManagedObjects objects) {
        Map<Operation, OperationHandler> handlers = new EnumMap<>(Operation.class);
        ObjectCreation creation = new ObjectCreation(objects);
        handlers.put(Operation.CREATE, creation::create);
        handlers.put(Operation.REGISTER, creation::register);
        handlers.put(Operation.CREATE_KEY_PAIR, creation::createKeyPair);
        ObjectRetrieval retrieval = new ObjectRetrieval(objects);
        handlers.put(Operation.GET, retrieval::get);
        handlers.put(Operation.GET_ATTRIBUTES, retrieval::getAttributes);
        handlers.put(Operation.GET_ATTRIBUTE_LIST, retrieval::getAttributeList);
        handlers.put(Operation.LOCATE, retrieval::locate);
        CryptographicOperations crypto = new CryptographicOperations(objects);
        handlers.put(Operation.ENCRYPT, crypto::encrypt);
        handlers.put(Operation.DECRYPT, crypto::decrypt);
        handlers.put(Operation.SIGN, crypto::sign);
        handlers.put(Operation.SIGNATURE_VERIFY, crypto::signatureVerify);
        handlers.put(Operation.MAC, crypto::mac);
        handlers.put(Operation.MAC_VERIFY, crypto::macVerify);
        handlers.put(Operation.RNG_RETRIEVE, crypto::rngRetrieve);
        handlers.put(Operation.HASH, crypto::hash);
        ObjectChanges changes = new ObjectChanges(objects);
        handlers.put(Operation.ACTIVATE, changes::activate);
        handlers.put(Operation.REVOKE, changes::revoke);
        handlers.put(Operation.DESTROY, changes::destroy);
        handlers.put(Operation.RE_KEY, changes::reKey);
        handlers.put(Operation.ADD_ATTRIBUTE, changes::addAttribute);
        handlers.put(Operation.MODIFY_ATTRIBUTE, changes::modifyAttribute);
        handlers.put(Operation.DELETE_ATTRIBUTE, changes::deleteAttribute);
        handlers.put(Operation.SET_ATTRIBUTE, changes::setAttribute);
        handlers.put(Operation.CHECK, changes::check);
        handlers.put(Operation.LOG, changes::log);
        Set<Integer> codes = handlers.keySet().stream().map(Operation::code).collect(Collectors.toSet());
        codes.add(Operation.QUERY.code());
        codes.add(Operation.DISCOVER_VERSIONS.code());
        codes.add(Operation.INTEROP.code());
        ServerOperations server = new ServerOperations(codes);
        handlers.put(Operation.QUERY, server::query);
        handlers.put(Operation.DISCOVER_VERSIONS, server::discoverVersions);
        handlers.put(Operation.INTEROP, server::interop);
        return handlers;
    }
}
