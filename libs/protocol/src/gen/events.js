/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const mesh = $root.mesh = (() => {

    /**
     * Namespace mesh.
     * @exports mesh
     * @namespace
     */
    const mesh = {};

    mesh.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof mesh
         * @namespace
         */
        const v1 = {};

        v1.Endpoint = (function() {

            /**
             * Properties of an Endpoint.
             * @typedef {Object} mesh.v1.Endpoint.$Properties
             * @property {string|null} [host] Endpoint host
             * @property {number|null} [port] Endpoint port
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Endpoint.
             * @memberof mesh.v1
             * @interface IEndpoint
             * @augments mesh.v1.Endpoint.$Properties
             * @deprecated Use mesh.v1.Endpoint.$Properties instead.
             */

            /**
             * Shape of an Endpoint.
             * @typedef {mesh.v1.Endpoint.$Properties} mesh.v1.Endpoint.$Shape
             */

            /**
             * Constructs a new Endpoint.
             * @memberof mesh.v1
             * @classdesc Represents an Endpoint.
             * @constructor
             * @param {mesh.v1.Endpoint.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Endpoint = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Endpoint host.
             * @member {string} host
             * @memberof mesh.v1.Endpoint
             * @instance
             */
            Endpoint.prototype.host = "";

            /**
             * Endpoint port.
             * @member {number} port
             * @memberof mesh.v1.Endpoint
             * @instance
             */
            Endpoint.prototype.port = 0;

            /**
             * Creates a new Endpoint instance using the specified properties.
             * @function create
             * @memberof mesh.v1.Endpoint
             * @static
             * @param {mesh.v1.Endpoint.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.Endpoint} Endpoint instance
             * @type {{
             *   (properties: mesh.v1.Endpoint.$Shape): mesh.v1.Endpoint & mesh.v1.Endpoint.$Shape;
             *   (properties?: mesh.v1.Endpoint.$Properties): mesh.v1.Endpoint;
             * }}
             */
            Endpoint.create = function(properties) {
                return new Endpoint(properties);
            };

            /**
             * Encodes the specified Endpoint message. Does not implicitly {@link mesh.v1.Endpoint.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.Endpoint
             * @static
             * @param {mesh.v1.Endpoint.$Properties} message Endpoint message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Endpoint.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.host != null && $Object.hasOwnProperty.call(message, "host") && message.host !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.host);
                if (message.port != null && $Object.hasOwnProperty.call(message, "port") && message.port !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.port);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Endpoint message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.Endpoint
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.Endpoint & mesh.v1.Endpoint.$Shape} Endpoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Endpoint.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.Endpoint();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.host = value;
                            else
                                delete message.host;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.port = value;
                            else
                                delete message.port;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Endpoint
             * @function getTypeUrl
             * @memberof mesh.v1.Endpoint
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Endpoint.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.Endpoint";
            };

            return Endpoint;
        })();

        v1.Peer = (function() {

            /**
             * Properties of a Peer.
             * @typedef {Object} mesh.v1.Peer.$Properties
             * @property {string|null} [nodeId] Peer nodeId
             * @property {string|null} [name] Peer name
             * @property {mesh.v1.Endpoint.$Properties|null} [endpoint] Peer endpoint
             * @property {number|null} [lastSeen] Peer lastSeen
             * @property {boolean|null} ["static"] Peer static
             * @property {string|null} [dialect] Peer dialect
             * @property {boolean|null} [down] Peer down
             * @property {string|null} [lastError] Peer lastError
             * @property {number|null} [retryAt] Peer retryAt
             * @property {Uint8Array|null} [key] Peer key
             * @property {string|null} [fingerprint] Peer fingerprint
             * @property {string|null} [v1Id] Peer v1Id
             * @property {boolean|null} [linked] Peer linked
             * @property {boolean|null} [gossip] Peer gossip
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Peer.
             * @memberof mesh.v1
             * @interface IPeer
             * @augments mesh.v1.Peer.$Properties
             * @deprecated Use mesh.v1.Peer.$Properties instead.
             */

            /**
             * Shape of a Peer.
             * @typedef {mesh.v1.Peer.$Properties} mesh.v1.Peer.$Shape
             */

            /**
             * Constructs a new Peer.
             * @memberof mesh.v1
             * @classdesc Represents a Peer.
             * @constructor
             * @param {mesh.v1.Peer.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Peer = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Peer nodeId.
             * @member {string} nodeId
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype.nodeId = "";

            /**
             * Peer name.
             * @member {string} name
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype.name = "";

            /**
             * Peer endpoint.
             * @member {mesh.v1.Endpoint.$Properties|null|undefined} endpoint
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype.endpoint = null;

            /**
             * Peer lastSeen.
             * @member {number} lastSeen
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype.lastSeen = 0;

            /**
             * Peer static.
             * @member {boolean} static
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype["static"] = false;

            /**
             * Peer dialect.
             * @member {string} dialect
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype.dialect = "";

            /**
             * Peer down.
             * @member {boolean} down
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype.down = false;

            /**
             * Peer lastError.
             * @member {string} lastError
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype.lastError = "";

            /**
             * Peer retryAt.
             * @member {number} retryAt
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype.retryAt = 0;

            /**
             * Peer key.
             * @member {Uint8Array} key
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype.key = $util.newBuffer([]);

            /**
             * Peer fingerprint.
             * @member {string} fingerprint
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype.fingerprint = "";

            /**
             * Peer v1Id.
             * @member {string} v1Id
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype.v1Id = "";

            /**
             * Peer linked.
             * @member {boolean} linked
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype.linked = false;

            /**
             * Peer gossip.
             * @member {boolean} gossip
             * @memberof mesh.v1.Peer
             * @instance
             */
            Peer.prototype.gossip = false;

            /**
             * Creates a new Peer instance using the specified properties.
             * @function create
             * @memberof mesh.v1.Peer
             * @static
             * @param {mesh.v1.Peer.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.Peer} Peer instance
             * @type {{
             *   (properties: mesh.v1.Peer.$Shape): mesh.v1.Peer & mesh.v1.Peer.$Shape;
             *   (properties?: mesh.v1.Peer.$Properties): mesh.v1.Peer;
             * }}
             */
            Peer.create = function(properties) {
                return new Peer(properties);
            };

            /**
             * Encodes the specified Peer message. Does not implicitly {@link mesh.v1.Peer.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.Peer
             * @static
             * @param {mesh.v1.Peer.$Properties} message Peer message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Peer.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId") && message.nodeId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.nodeId);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.endpoint != null && $Object.hasOwnProperty.call(message, "endpoint"))
                    $root.mesh.v1.Endpoint.encode(message.endpoint, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.lastSeen != null && $Object.hasOwnProperty.call(message, "lastSeen") && !$Object.is(message.lastSeen, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.lastSeen);
                if (message["static"] != null && $Object.hasOwnProperty.call(message, "static") && message["static"] !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message["static"]);
                if (message.dialect != null && $Object.hasOwnProperty.call(message, "dialect") && message.dialect !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.dialect);
                if (message.down != null && $Object.hasOwnProperty.call(message, "down") && message.down !== false)
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.down);
                if (message.lastError != null && $Object.hasOwnProperty.call(message, "lastError") && message.lastError !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.lastError);
                if (message.retryAt != null && $Object.hasOwnProperty.call(message, "retryAt") && !$Object.is(message.retryAt, 0))
                    writer.uint32(/* id 9, wireType 1 =*/73).double(message.retryAt);
                if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key.length)
                    writer.uint32(/* id 10, wireType 2 =*/82).bytes(message.key);
                if (message.fingerprint != null && $Object.hasOwnProperty.call(message, "fingerprint") && message.fingerprint !== "")
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.fingerprint);
                if (message.v1Id != null && $Object.hasOwnProperty.call(message, "v1Id") && message.v1Id !== "")
                    writer.uint32(/* id 12, wireType 2 =*/98).string(message.v1Id);
                if (message.linked != null && $Object.hasOwnProperty.call(message, "linked") && message.linked !== false)
                    writer.uint32(/* id 13, wireType 0 =*/104).bool(message.linked);
                if (message.gossip != null && $Object.hasOwnProperty.call(message, "gossip") && message.gossip !== false)
                    writer.uint32(/* id 14, wireType 0 =*/112).bool(message.gossip);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Peer message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.Peer
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.Peer & mesh.v1.Peer.$Shape} Peer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Peer.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.Peer();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.nodeId = value;
                            else
                                delete message.nodeId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.endpoint = $root.mesh.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1, message.endpoint);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.lastSeen = value;
                            else
                                delete message.lastSeen;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message["static"] = value;
                            else
                                delete message["static"];
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.dialect = value;
                            else
                                delete message.dialect;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.down = value;
                            else
                                delete message.down;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.lastError = value;
                            else
                                delete message.lastError;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.retryAt = value;
                            else
                                delete message.retryAt;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.key = value;
                            else
                                delete message.key;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fingerprint = value;
                            else
                                delete message.fingerprint;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.v1Id = value;
                            else
                                delete message.v1Id;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.linked = value;
                            else
                                delete message.linked;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.gossip = value;
                            else
                                delete message.gossip;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Peer
             * @function getTypeUrl
             * @memberof mesh.v1.Peer
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Peer.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.Peer";
            };

            return Peer;
        })();

        v1.PeerRef = (function() {

            /**
             * Properties of a PeerRef.
             * @typedef {Object} mesh.v1.PeerRef.$Properties
             * @property {string|null} [nodeId] PeerRef nodeId
             * @property {mesh.v1.Endpoint.$Properties|null} [endpoint] PeerRef endpoint
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PeerRef.
             * @memberof mesh.v1
             * @interface IPeerRef
             * @augments mesh.v1.PeerRef.$Properties
             * @deprecated Use mesh.v1.PeerRef.$Properties instead.
             */

            /**
             * Shape of a PeerRef.
             * @typedef {mesh.v1.PeerRef.$Properties} mesh.v1.PeerRef.$Shape
             */

            /**
             * Constructs a new PeerRef.
             * @memberof mesh.v1
             * @classdesc Represents a PeerRef.
             * @constructor
             * @param {mesh.v1.PeerRef.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PeerRef = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PeerRef nodeId.
             * @member {string} nodeId
             * @memberof mesh.v1.PeerRef
             * @instance
             */
            PeerRef.prototype.nodeId = "";

            /**
             * PeerRef endpoint.
             * @member {mesh.v1.Endpoint.$Properties|null|undefined} endpoint
             * @memberof mesh.v1.PeerRef
             * @instance
             */
            PeerRef.prototype.endpoint = null;

            /**
             * Creates a new PeerRef instance using the specified properties.
             * @function create
             * @memberof mesh.v1.PeerRef
             * @static
             * @param {mesh.v1.PeerRef.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.PeerRef} PeerRef instance
             * @type {{
             *   (properties: mesh.v1.PeerRef.$Shape): mesh.v1.PeerRef & mesh.v1.PeerRef.$Shape;
             *   (properties?: mesh.v1.PeerRef.$Properties): mesh.v1.PeerRef;
             * }}
             */
            PeerRef.create = function(properties) {
                return new PeerRef(properties);
            };

            /**
             * Encodes the specified PeerRef message. Does not implicitly {@link mesh.v1.PeerRef.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.PeerRef
             * @static
             * @param {mesh.v1.PeerRef.$Properties} message PeerRef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PeerRef.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId") && message.nodeId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.nodeId);
                if (message.endpoint != null && $Object.hasOwnProperty.call(message, "endpoint"))
                    $root.mesh.v1.Endpoint.encode(message.endpoint, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PeerRef message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.PeerRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.PeerRef & mesh.v1.PeerRef.$Shape} PeerRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PeerRef.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.PeerRef();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.nodeId = value;
                            else
                                delete message.nodeId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.endpoint = $root.mesh.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1, message.endpoint);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for PeerRef
             * @function getTypeUrl
             * @memberof mesh.v1.PeerRef
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PeerRef.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.PeerRef";
            };

            return PeerRef;
        })();

        v1.Chat = (function() {

            /**
             * Properties of a Chat.
             * @typedef {Object} mesh.v1.Chat.$Properties
             * @property {string|null} [messageId] Chat messageId
             * @property {string|null} [senderId] Chat senderId
             * @property {string|null} [senderName] Chat senderName
             * @property {number|null} [timestamp] Chat timestamp
             * @property {string|null} [content] Chat content
             * @property {number|null} [hopLimit] Chat hopLimit
             * @property {number|null} [hops] Chat hops
             * @property {Uint8Array|null} [originKey] Chat originKey
             * @property {Uint8Array|null} [signature] Chat signature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Chat.
             * @memberof mesh.v1
             * @interface IChat
             * @augments mesh.v1.Chat.$Properties
             * @deprecated Use mesh.v1.Chat.$Properties instead.
             */

            /**
             * Shape of a Chat.
             * @typedef {mesh.v1.Chat.$Properties} mesh.v1.Chat.$Shape
             */

            /**
             * Constructs a new Chat.
             * @memberof mesh.v1
             * @classdesc Represents a Chat.
             * @constructor
             * @param {mesh.v1.Chat.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Chat = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Chat messageId.
             * @member {string} messageId
             * @memberof mesh.v1.Chat
             * @instance
             */
            Chat.prototype.messageId = "";

            /**
             * Chat senderId.
             * @member {string} senderId
             * @memberof mesh.v1.Chat
             * @instance
             */
            Chat.prototype.senderId = "";

            /**
             * Chat senderName.
             * @member {string} senderName
             * @memberof mesh.v1.Chat
             * @instance
             */
            Chat.prototype.senderName = "";

            /**
             * Chat timestamp.
             * @member {number} timestamp
             * @memberof mesh.v1.Chat
             * @instance
             */
            Chat.prototype.timestamp = 0;

            /**
             * Chat content.
             * @member {string} content
             * @memberof mesh.v1.Chat
             * @instance
             */
            Chat.prototype.content = "";

            /**
             * Chat hopLimit.
             * @member {number} hopLimit
             * @memberof mesh.v1.Chat
             * @instance
             */
            Chat.prototype.hopLimit = 0;

            /**
             * Chat hops.
             * @member {number} hops
             * @memberof mesh.v1.Chat
             * @instance
             */
            Chat.prototype.hops = 0;

            /**
             * Chat originKey.
             * @member {Uint8Array} originKey
             * @memberof mesh.v1.Chat
             * @instance
             */
            Chat.prototype.originKey = $util.newBuffer([]);

            /**
             * Chat signature.
             * @member {Uint8Array} signature
             * @memberof mesh.v1.Chat
             * @instance
             */
            Chat.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new Chat instance using the specified properties.
             * @function create
             * @memberof mesh.v1.Chat
             * @static
             * @param {mesh.v1.Chat.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.Chat} Chat instance
             * @type {{
             *   (properties: mesh.v1.Chat.$Shape): mesh.v1.Chat & mesh.v1.Chat.$Shape;
             *   (properties?: mesh.v1.Chat.$Properties): mesh.v1.Chat;
             * }}
             */
            Chat.create = function(properties) {
                return new Chat(properties);
            };

            /**
             * Encodes the specified Chat message. Does not implicitly {@link mesh.v1.Chat.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.Chat
             * @static
             * @param {mesh.v1.Chat.$Properties} message Chat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Chat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.messageId);
                if (message.senderId != null && $Object.hasOwnProperty.call(message, "senderId") && message.senderId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.senderId);
                if (message.senderName != null && $Object.hasOwnProperty.call(message, "senderName") && message.senderName !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.senderName);
                if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp") && !$Object.is(message.timestamp, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.timestamp);
                if (message.content != null && $Object.hasOwnProperty.call(message, "content") && message.content !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.content);
                if (message.hopLimit != null && $Object.hasOwnProperty.call(message, "hopLimit") && message.hopLimit !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.hopLimit);
                if (message.hops != null && $Object.hasOwnProperty.call(message, "hops") && message.hops !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.hops);
                if (message.originKey != null && $Object.hasOwnProperty.call(message, "originKey") && message.originKey.length)
                    writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.originKey);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(/* id 9, wireType 2 =*/74).bytes(message.signature);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Chat message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.Chat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.Chat & mesh.v1.Chat.$Shape} Chat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Chat.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.Chat();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.senderId = value;
                            else
                                delete message.senderId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.senderName = value;
                            else
                                delete message.senderName;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timestamp = value;
                            else
                                delete message.timestamp;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.content = value;
                            else
                                delete message.content;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.hopLimit = value;
                            else
                                delete message.hopLimit;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.hops = value;
                            else
                                delete message.hops;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.originKey = value;
                            else
                                delete message.originKey;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Chat
             * @function getTypeUrl
             * @memberof mesh.v1.Chat
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Chat.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.Chat";
            };

            return Chat;
        })();

        v1.FileMetadata = (function() {

            /**
             * Properties of a FileMetadata.
             * @typedef {Object} mesh.v1.FileMetadata.$Properties
             * @property {string|null} [filename] FileMetadata filename
             * @property {number|null} [fileSize] FileMetadata fileSize
             * @property {string|null} [fileHash] FileMetadata fileHash
             * @property {number|null} [totalChunks] FileMetadata totalChunks
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileMetadata.
             * @memberof mesh.v1
             * @interface IFileMetadata
             * @augments mesh.v1.FileMetadata.$Properties
             * @deprecated Use mesh.v1.FileMetadata.$Properties instead.
             */

            /**
             * Shape of a FileMetadata.
             * @typedef {mesh.v1.FileMetadata.$Properties} mesh.v1.FileMetadata.$Shape
             */

            /**
             * Constructs a new FileMetadata.
             * @memberof mesh.v1
             * @classdesc Represents a FileMetadata.
             * @constructor
             * @param {mesh.v1.FileMetadata.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileMetadata = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileMetadata filename.
             * @member {string} filename
             * @memberof mesh.v1.FileMetadata
             * @instance
             */
            FileMetadata.prototype.filename = "";

            /**
             * FileMetadata fileSize.
             * @member {number} fileSize
             * @memberof mesh.v1.FileMetadata
             * @instance
             */
            FileMetadata.prototype.fileSize = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * FileMetadata fileHash.
             * @member {string} fileHash
             * @memberof mesh.v1.FileMetadata
             * @instance
             */
            FileMetadata.prototype.fileHash = "";

            /**
             * FileMetadata totalChunks.
             * @member {number} totalChunks
             * @memberof mesh.v1.FileMetadata
             * @instance
             */
            FileMetadata.prototype.totalChunks = 0;

            /**
             * Creates a new FileMetadata instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileMetadata
             * @static
             * @param {mesh.v1.FileMetadata.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileMetadata} FileMetadata instance
             * @type {{
             *   (properties: mesh.v1.FileMetadata.$Shape): mesh.v1.FileMetadata & mesh.v1.FileMetadata.$Shape;
             *   (properties?: mesh.v1.FileMetadata.$Properties): mesh.v1.FileMetadata;
             * }}
             */
            FileMetadata.create = function(properties) {
                return new FileMetadata(properties);
            };

            /**
             * Encodes the specified FileMetadata message. Does not implicitly {@link mesh.v1.FileMetadata.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileMetadata
             * @static
             * @param {mesh.v1.FileMetadata.$Properties} message FileMetadata message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileMetadata.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.filename != null && $Object.hasOwnProperty.call(message, "filename") && message.filename !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.filename);
                if (message.fileSize != null && $Object.hasOwnProperty.call(message, "fileSize") && (typeof message.fileSize === "object" ? message.fileSize.low || message.fileSize.high : message.fileSize !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.fileSize);
                if (message.fileHash != null && $Object.hasOwnProperty.call(message, "fileHash") && message.fileHash !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.fileHash);
                if (message.totalChunks != null && $Object.hasOwnProperty.call(message, "totalChunks") && message.totalChunks !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.totalChunks);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileMetadata message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileMetadata
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileMetadata & mesh.v1.FileMetadata.$Shape} FileMetadata
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileMetadata.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileMetadata();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.filename = value;
                            else
                                delete message.filename;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.fileSize = value;
                            else
                                delete message.fileSize;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fileHash = value;
                            else
                                delete message.fileHash;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.totalChunks = value;
                            else
                                delete message.totalChunks;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileMetadata
             * @function getTypeUrl
             * @memberof mesh.v1.FileMetadata
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileMetadata.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileMetadata";
            };

            return FileMetadata;
        })();

        v1.FileChunk = (function() {

            /**
             * Properties of a FileChunk.
             * @typedef {Object} mesh.v1.FileChunk.$Properties
             * @property {string|null} [messageId] FileChunk messageId
             * @property {string|null} [senderId] FileChunk senderId
             * @property {string|null} [senderName] FileChunk senderName
             * @property {number|null} [timestamp] FileChunk timestamp
             * @property {string|null} [fileId] FileChunk fileId
             * @property {number|null} [chunkIndex] FileChunk chunkIndex
             * @property {Uint8Array|null} [data] FileChunk data
             * @property {mesh.v1.FileMetadata.$Properties|null} [metadata] FileChunk metadata
             * @property {number|null} [hopLimit] FileChunk hopLimit
             * @property {number|null} [hops] FileChunk hops
             * @property {Uint8Array|null} [originKey] FileChunk originKey
             * @property {Uint8Array|null} [signature] FileChunk signature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileChunk.
             * @memberof mesh.v1
             * @interface IFileChunk
             * @augments mesh.v1.FileChunk.$Properties
             * @deprecated Use mesh.v1.FileChunk.$Properties instead.
             */

            /**
             * Shape of a FileChunk.
             * @typedef {mesh.v1.FileChunk.$Properties} mesh.v1.FileChunk.$Shape
             */

            /**
             * Constructs a new FileChunk.
             * @memberof mesh.v1
             * @classdesc Represents a FileChunk.
             * @constructor
             * @param {mesh.v1.FileChunk.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileChunk = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileChunk messageId.
             * @member {string} messageId
             * @memberof mesh.v1.FileChunk
             * @instance
             */
            FileChunk.prototype.messageId = "";

            /**
             * FileChunk senderId.
             * @member {string} senderId
             * @memberof mesh.v1.FileChunk
             * @instance
             */
            FileChunk.prototype.senderId = "";

            /**
             * FileChunk senderName.
             * @member {string} senderName
             * @memberof mesh.v1.FileChunk
             * @instance
             */
            FileChunk.prototype.senderName = "";

            /**
             * FileChunk timestamp.
             * @member {number} timestamp
             * @memberof mesh.v1.FileChunk
             * @instance
             */
            FileChunk.prototype.timestamp = 0;

            /**
             * FileChunk fileId.
             * @member {string} fileId
             * @memberof mesh.v1.FileChunk
             * @instance
             */
            FileChunk.prototype.fileId = "";

            /**
             * FileChunk chunkIndex.
             * @member {number} chunkIndex
             * @memberof mesh.v1.FileChunk
             * @instance
             */
            FileChunk.prototype.chunkIndex = 0;

            /**
             * FileChunk data.
             * @member {Uint8Array} data
             * @memberof mesh.v1.FileChunk
             * @instance
             */
            FileChunk.prototype.data = $util.newBuffer([]);

            /**
             * FileChunk metadata.
             * @member {mesh.v1.FileMetadata.$Properties|null|undefined} metadata
             * @memberof mesh.v1.FileChunk
             * @instance
             */
            FileChunk.prototype.metadata = null;

            /**
             * FileChunk hopLimit.
             * @member {number} hopLimit
             * @memberof mesh.v1.FileChunk
             * @instance
             */
            FileChunk.prototype.hopLimit = 0;

            /**
             * FileChunk hops.
             * @member {number} hops
             * @memberof mesh.v1.FileChunk
             * @instance
             */
            FileChunk.prototype.hops = 0;

            /**
             * FileChunk originKey.
             * @member {Uint8Array} originKey
             * @memberof mesh.v1.FileChunk
             * @instance
             */
            FileChunk.prototype.originKey = $util.newBuffer([]);

            /**
             * FileChunk signature.
             * @member {Uint8Array} signature
             * @memberof mesh.v1.FileChunk
             * @instance
             */
            FileChunk.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new FileChunk instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileChunk
             * @static
             * @param {mesh.v1.FileChunk.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileChunk} FileChunk instance
             * @type {{
             *   (properties: mesh.v1.FileChunk.$Shape): mesh.v1.FileChunk & mesh.v1.FileChunk.$Shape;
             *   (properties?: mesh.v1.FileChunk.$Properties): mesh.v1.FileChunk;
             * }}
             */
            FileChunk.create = function(properties) {
                return new FileChunk(properties);
            };

            /**
             * Encodes the specified FileChunk message. Does not implicitly {@link mesh.v1.FileChunk.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileChunk
             * @static
             * @param {mesh.v1.FileChunk.$Properties} message FileChunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileChunk.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.messageId);
                if (message.senderId != null && $Object.hasOwnProperty.call(message, "senderId") && message.senderId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.senderId);
                if (message.senderName != null && $Object.hasOwnProperty.call(message, "senderName") && message.senderName !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.senderName);
                if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp") && !$Object.is(message.timestamp, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.timestamp);
                if (message.fileId != null && $Object.hasOwnProperty.call(message, "fileId") && message.fileId !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.fileId);
                if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex") && message.chunkIndex !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.chunkIndex);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.data);
                if (message.metadata != null && $Object.hasOwnProperty.call(message, "metadata"))
                    $root.mesh.v1.FileMetadata.encode(message.metadata, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.hopLimit != null && $Object.hasOwnProperty.call(message, "hopLimit") && message.hopLimit !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.hopLimit);
                if (message.hops != null && $Object.hasOwnProperty.call(message, "hops") && message.hops !== 0)
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.hops);
                if (message.originKey != null && $Object.hasOwnProperty.call(message, "originKey") && message.originKey.length)
                    writer.uint32(/* id 11, wireType 2 =*/90).bytes(message.originKey);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(/* id 12, wireType 2 =*/98).bytes(message.signature);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileChunk message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileChunk & mesh.v1.FileChunk.$Shape} FileChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileChunk.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileChunk();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.senderId = value;
                            else
                                delete message.senderId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.senderName = value;
                            else
                                delete message.senderName;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timestamp = value;
                            else
                                delete message.timestamp;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fileId = value;
                            else
                                delete message.fileId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.chunkIndex = value;
                            else
                                delete message.chunkIndex;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.metadata = $root.mesh.v1.FileMetadata.decode(reader, reader.size(), $undefined, _depth + 1, message.metadata);
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.hopLimit = value;
                            else
                                delete message.hopLimit;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.hops = value;
                            else
                                delete message.hops;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.originKey = value;
                            else
                                delete message.originKey;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileChunk
             * @function getTypeUrl
             * @memberof mesh.v1.FileChunk
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileChunk.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileChunk";
            };

            return FileChunk;
        })();

        v1.WireMessage = (function() {

            /**
             * Properties of a WireMessage.
             * @typedef {Object} mesh.v1.WireMessage.$Properties
             * @property {mesh.v1.Chat.$Properties|null} [chat] WireMessage chat
             * @property {mesh.v1.FileChunk.$Properties|null} [fileChunk] WireMessage fileChunk
             * @property {"chat"|"fileChunk"} [body] WireMessage body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a WireMessage.
             * @memberof mesh.v1
             * @interface IWireMessage
             * @augments mesh.v1.WireMessage.$Properties
             * @deprecated Use mesh.v1.WireMessage.$Properties instead.
             */

            /**
             * Narrowed shape of a WireMessage.
             * @typedef {{
             *   chat?: mesh.v1.Chat.$Shape|null;
             *   fileChunk?: mesh.v1.FileChunk.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; chat?: null; fileChunk?: null }|{ body?: "chat"; chat: mesh.v1.Chat.$Shape; fileChunk?: null }|{ body?: "fileChunk"; chat?: null; fileChunk: mesh.v1.FileChunk.$Shape })
             * )} mesh.v1.WireMessage.$Shape
             */

            /**
             * Constructs a new WireMessage.
             * @memberof mesh.v1
             * @classdesc Represents a WireMessage.
             * @constructor
             * @param {mesh.v1.WireMessage.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const WireMessage = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * WireMessage chat.
             * @member {mesh.v1.Chat.$Properties|null|undefined} chat
             * @memberof mesh.v1.WireMessage
             * @instance
             */
            WireMessage.prototype.chat = null;

            /**
             * WireMessage fileChunk.
             * @member {mesh.v1.FileChunk.$Properties|null|undefined} fileChunk
             * @memberof mesh.v1.WireMessage
             * @instance
             */
            WireMessage.prototype.fileChunk = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * WireMessage body.
             * @member {"chat"|"fileChunk"|undefined} body
             * @memberof mesh.v1.WireMessage
             * @instance
             */
            $Object.defineProperty(WireMessage.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["chat", "fileChunk"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new WireMessage instance using the specified properties.
             * @function create
             * @memberof mesh.v1.WireMessage
             * @static
             * @param {mesh.v1.WireMessage.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.WireMessage} WireMessage instance
             * @type {{
             *   (properties: mesh.v1.WireMessage.$Shape): mesh.v1.WireMessage & mesh.v1.WireMessage.$Shape;
             *   (properties?: mesh.v1.WireMessage.$Properties): mesh.v1.WireMessage;
             * }}
             */
            WireMessage.create = function(properties) {
                return new WireMessage(properties);
            };

            /**
             * Encodes the specified WireMessage message. Does not implicitly {@link mesh.v1.WireMessage.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.WireMessage
             * @static
             * @param {mesh.v1.WireMessage.$Properties} message WireMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WireMessage.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.chat != null && $Object.hasOwnProperty.call(message, "chat"))
                    $root.mesh.v1.Chat.encode(message.chat, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.fileChunk != null && $Object.hasOwnProperty.call(message, "fileChunk"))
                    $root.mesh.v1.FileChunk.encode(message.fileChunk, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a WireMessage message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.WireMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.WireMessage & mesh.v1.WireMessage.$Shape} WireMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WireMessage.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.WireMessage();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.chat = $root.mesh.v1.Chat.decode(reader, reader.size(), $undefined, _depth + 1, message.chat);
                            message.body = "chat";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.fileChunk = $root.mesh.v1.FileChunk.decode(reader, reader.size(), $undefined, _depth + 1, message.fileChunk);
                            message.body = "fileChunk";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for WireMessage
             * @function getTypeUrl
             * @memberof mesh.v1.WireMessage
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            WireMessage.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.WireMessage";
            };

            return WireMessage;
        })();

        v1.WireReceived = (function() {

            /**
             * Properties of a WireReceived.
             * @typedef {Object} mesh.v1.WireReceived.$Properties
             * @property {mesh.v1.WireMessage.$Properties|null} [message] WireReceived message
             * @property {mesh.v1.Endpoint.$Properties|null} [from] WireReceived from
             * @property {number|null} [receivedAt] WireReceived receivedAt
             * @property {string|null} [via] WireReceived via
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a WireReceived.
             * @memberof mesh.v1
             * @interface IWireReceived
             * @augments mesh.v1.WireReceived.$Properties
             * @deprecated Use mesh.v1.WireReceived.$Properties instead.
             */

            /**
             * Shape of a WireReceived.
             * @typedef {{
             *   message?: mesh.v1.WireMessage.$Shape|null;
             *   from?: mesh.v1.Endpoint.$Shape|null;
             *   receivedAt?: number|null;
             *   via?: string|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} mesh.v1.WireReceived.$Shape
             */

            /**
             * Constructs a new WireReceived.
             * @memberof mesh.v1
             * @classdesc Represents a WireReceived.
             * @constructor
             * @param {mesh.v1.WireReceived.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const WireReceived = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * WireReceived message.
             * @member {mesh.v1.WireMessage.$Properties|null|undefined} message
             * @memberof mesh.v1.WireReceived
             * @instance
             */
            WireReceived.prototype.message = null;

            /**
             * WireReceived from.
             * @member {mesh.v1.Endpoint.$Properties|null|undefined} from
             * @memberof mesh.v1.WireReceived
             * @instance
             */
            WireReceived.prototype.from = null;

            /**
             * WireReceived receivedAt.
             * @member {number} receivedAt
             * @memberof mesh.v1.WireReceived
             * @instance
             */
            WireReceived.prototype.receivedAt = 0;

            /**
             * WireReceived via.
             * @member {string} via
             * @memberof mesh.v1.WireReceived
             * @instance
             */
            WireReceived.prototype.via = "";

            /**
             * Creates a new WireReceived instance using the specified properties.
             * @function create
             * @memberof mesh.v1.WireReceived
             * @static
             * @param {mesh.v1.WireReceived.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.WireReceived} WireReceived instance
             * @type {{
             *   (properties: mesh.v1.WireReceived.$Shape): mesh.v1.WireReceived & mesh.v1.WireReceived.$Shape;
             *   (properties?: mesh.v1.WireReceived.$Properties): mesh.v1.WireReceived;
             * }}
             */
            WireReceived.create = function(properties) {
                return new WireReceived(properties);
            };

            /**
             * Encodes the specified WireReceived message. Does not implicitly {@link mesh.v1.WireReceived.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.WireReceived
             * @static
             * @param {mesh.v1.WireReceived.$Properties} message WireReceived message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WireReceived.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    $root.mesh.v1.WireMessage.encode(message.message, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.from != null && $Object.hasOwnProperty.call(message, "from"))
                    $root.mesh.v1.Endpoint.encode(message.from, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.receivedAt != null && $Object.hasOwnProperty.call(message, "receivedAt") && !$Object.is(message.receivedAt, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.receivedAt);
                if (message.via != null && $Object.hasOwnProperty.call(message, "via") && message.via !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.via);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a WireReceived message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.WireReceived
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.WireReceived & mesh.v1.WireReceived.$Shape} WireReceived
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WireReceived.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.WireReceived();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.message = $root.mesh.v1.WireMessage.decode(reader, reader.size(), $undefined, _depth + 1, message.message);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.from = $root.mesh.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1, message.from);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.receivedAt = value;
                            else
                                delete message.receivedAt;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.via = value;
                            else
                                delete message.via;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for WireReceived
             * @function getTypeUrl
             * @memberof mesh.v1.WireReceived
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            WireReceived.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.WireReceived";
            };

            return WireReceived;
        })();

        v1.WireSend = (function() {

            /**
             * Properties of a WireSend.
             * @typedef {Object} mesh.v1.WireSend.$Properties
             * @property {mesh.v1.WireMessage.$Properties|null} [message] WireSend message
             * @property {Array.<mesh.v1.PeerRef.$Properties>|null} [targets] WireSend targets
             * @property {boolean|null} [report] WireSend report
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a WireSend.
             * @memberof mesh.v1
             * @interface IWireSend
             * @augments mesh.v1.WireSend.$Properties
             * @deprecated Use mesh.v1.WireSend.$Properties instead.
             */

            /**
             * Shape of a WireSend.
             * @typedef {{
             *   message?: mesh.v1.WireMessage.$Shape|null;
             *   targets?: Array.<mesh.v1.PeerRef.$Shape>|null;
             *   report?: boolean|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} mesh.v1.WireSend.$Shape
             */

            /**
             * Constructs a new WireSend.
             * @memberof mesh.v1
             * @classdesc Represents a WireSend.
             * @constructor
             * @param {mesh.v1.WireSend.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const WireSend = function (properties) {
                this.targets = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * WireSend message.
             * @member {mesh.v1.WireMessage.$Properties|null|undefined} message
             * @memberof mesh.v1.WireSend
             * @instance
             */
            WireSend.prototype.message = null;

            /**
             * WireSend targets.
             * @member {Array.<mesh.v1.PeerRef.$Properties>} targets
             * @memberof mesh.v1.WireSend
             * @instance
             */
            WireSend.prototype.targets = $util.emptyArray;

            /**
             * WireSend report.
             * @member {boolean} report
             * @memberof mesh.v1.WireSend
             * @instance
             */
            WireSend.prototype.report = false;

            /**
             * Creates a new WireSend instance using the specified properties.
             * @function create
             * @memberof mesh.v1.WireSend
             * @static
             * @param {mesh.v1.WireSend.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.WireSend} WireSend instance
             * @type {{
             *   (properties: mesh.v1.WireSend.$Shape): mesh.v1.WireSend & mesh.v1.WireSend.$Shape;
             *   (properties?: mesh.v1.WireSend.$Properties): mesh.v1.WireSend;
             * }}
             */
            WireSend.create = function(properties) {
                return new WireSend(properties);
            };

            /**
             * Encodes the specified WireSend message. Does not implicitly {@link mesh.v1.WireSend.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.WireSend
             * @static
             * @param {mesh.v1.WireSend.$Properties} message WireSend message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WireSend.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    $root.mesh.v1.WireMessage.encode(message.message, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.targets != null && message.targets.length)
                    for (let i = 0; i < message.targets.length; ++i)
                        $root.mesh.v1.PeerRef.encode(message.targets[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.report != null && $Object.hasOwnProperty.call(message, "report") && message.report !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.report);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a WireSend message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.WireSend
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.WireSend & mesh.v1.WireSend.$Shape} WireSend
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WireSend.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.WireSend();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.message = $root.mesh.v1.WireMessage.decode(reader, reader.size(), $undefined, _depth + 1, message.message);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.targets && message.targets.length))
                                message.targets = [];
                            message.targets.push($root.mesh.v1.PeerRef.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.report = value;
                            else
                                delete message.report;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for WireSend
             * @function getTypeUrl
             * @memberof mesh.v1.WireSend
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            WireSend.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.WireSend";
            };

            return WireSend;
        })();

        v1.Delivery = (function() {

            /**
             * Properties of a Delivery.
             * @typedef {Object} mesh.v1.Delivery.$Properties
             * @property {mesh.v1.PeerRef.$Properties|null} [peer] Delivery peer
             * @property {boolean|null} [ok] Delivery ok
             * @property {string|null} [error] Delivery error
             * @property {string|null} [status] Delivery status
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Delivery.
             * @memberof mesh.v1
             * @interface IDelivery
             * @augments mesh.v1.Delivery.$Properties
             * @deprecated Use mesh.v1.Delivery.$Properties instead.
             */

            /**
             * Shape of a Delivery.
             * @typedef {mesh.v1.Delivery.$Properties} mesh.v1.Delivery.$Shape
             */

            /**
             * Constructs a new Delivery.
             * @memberof mesh.v1
             * @classdesc Represents a Delivery.
             * @constructor
             * @param {mesh.v1.Delivery.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Delivery = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Delivery peer.
             * @member {mesh.v1.PeerRef.$Properties|null|undefined} peer
             * @memberof mesh.v1.Delivery
             * @instance
             */
            Delivery.prototype.peer = null;

            /**
             * Delivery ok.
             * @member {boolean} ok
             * @memberof mesh.v1.Delivery
             * @instance
             */
            Delivery.prototype.ok = false;

            /**
             * Delivery error.
             * @member {string} error
             * @memberof mesh.v1.Delivery
             * @instance
             */
            Delivery.prototype.error = "";

            /**
             * Delivery status.
             * @member {string} status
             * @memberof mesh.v1.Delivery
             * @instance
             */
            Delivery.prototype.status = "";

            /**
             * Creates a new Delivery instance using the specified properties.
             * @function create
             * @memberof mesh.v1.Delivery
             * @static
             * @param {mesh.v1.Delivery.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.Delivery} Delivery instance
             * @type {{
             *   (properties: mesh.v1.Delivery.$Shape): mesh.v1.Delivery & mesh.v1.Delivery.$Shape;
             *   (properties?: mesh.v1.Delivery.$Properties): mesh.v1.Delivery;
             * }}
             */
            Delivery.create = function(properties) {
                return new Delivery(properties);
            };

            /**
             * Encodes the specified Delivery message. Does not implicitly {@link mesh.v1.Delivery.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.Delivery
             * @static
             * @param {mesh.v1.Delivery.$Properties} message Delivery message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Delivery.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.peer != null && $Object.hasOwnProperty.call(message, "peer"))
                    $root.mesh.v1.PeerRef.encode(message.peer, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok") && message.ok !== false)
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.ok);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.error);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.status);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Delivery message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.Delivery
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.Delivery & mesh.v1.Delivery.$Shape} Delivery
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Delivery.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.Delivery();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.peer = $root.mesh.v1.PeerRef.decode(reader, reader.size(), $undefined, _depth + 1, message.peer);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.ok = value;
                            else
                                delete message.ok;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Delivery
             * @function getTypeUrl
             * @memberof mesh.v1.Delivery
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Delivery.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.Delivery";
            };

            return Delivery;
        })();

        v1.WireSendResult = (function() {

            /**
             * Properties of a WireSendResult.
             * @typedef {Object} mesh.v1.WireSendResult.$Properties
             * @property {Array.<mesh.v1.Delivery.$Properties>|null} [deliveries] WireSendResult deliveries
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a WireSendResult.
             * @memberof mesh.v1
             * @interface IWireSendResult
             * @augments mesh.v1.WireSendResult.$Properties
             * @deprecated Use mesh.v1.WireSendResult.$Properties instead.
             */

            /**
             * Shape of a WireSendResult.
             * @typedef {mesh.v1.WireSendResult.$Properties} mesh.v1.WireSendResult.$Shape
             */

            /**
             * Constructs a new WireSendResult.
             * @memberof mesh.v1
             * @classdesc Represents a WireSendResult.
             * @constructor
             * @param {mesh.v1.WireSendResult.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const WireSendResult = function (properties) {
                this.deliveries = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * WireSendResult deliveries.
             * @member {Array.<mesh.v1.Delivery.$Properties>} deliveries
             * @memberof mesh.v1.WireSendResult
             * @instance
             */
            WireSendResult.prototype.deliveries = $util.emptyArray;

            /**
             * Creates a new WireSendResult instance using the specified properties.
             * @function create
             * @memberof mesh.v1.WireSendResult
             * @static
             * @param {mesh.v1.WireSendResult.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.WireSendResult} WireSendResult instance
             * @type {{
             *   (properties: mesh.v1.WireSendResult.$Shape): mesh.v1.WireSendResult & mesh.v1.WireSendResult.$Shape;
             *   (properties?: mesh.v1.WireSendResult.$Properties): mesh.v1.WireSendResult;
             * }}
             */
            WireSendResult.create = function(properties) {
                return new WireSendResult(properties);
            };

            /**
             * Encodes the specified WireSendResult message. Does not implicitly {@link mesh.v1.WireSendResult.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.WireSendResult
             * @static
             * @param {mesh.v1.WireSendResult.$Properties} message WireSendResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WireSendResult.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.deliveries != null && message.deliveries.length)
                    for (let i = 0; i < message.deliveries.length; ++i)
                        $root.mesh.v1.Delivery.encode(message.deliveries[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a WireSendResult message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.WireSendResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.WireSendResult & mesh.v1.WireSendResult.$Shape} WireSendResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WireSendResult.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.WireSendResult();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.deliveries && message.deliveries.length))
                                message.deliveries = [];
                            message.deliveries.push($root.mesh.v1.Delivery.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for WireSendResult
             * @function getTypeUrl
             * @memberof mesh.v1.WireSendResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            WireSendResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.WireSendResult";
            };

            return WireSendResult;
        })();

        v1.WireDelivery = (function() {

            /**
             * Properties of a WireDelivery.
             * @typedef {Object} mesh.v1.WireDelivery.$Properties
             * @property {string|null} [messageId] WireDelivery messageId
             * @property {mesh.v1.Delivery.$Properties|null} [delivery] WireDelivery delivery
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a WireDelivery.
             * @memberof mesh.v1
             * @interface IWireDelivery
             * @augments mesh.v1.WireDelivery.$Properties
             * @deprecated Use mesh.v1.WireDelivery.$Properties instead.
             */

            /**
             * Shape of a WireDelivery.
             * @typedef {mesh.v1.WireDelivery.$Properties} mesh.v1.WireDelivery.$Shape
             */

            /**
             * Constructs a new WireDelivery.
             * @memberof mesh.v1
             * @classdesc Represents a WireDelivery.
             * @constructor
             * @param {mesh.v1.WireDelivery.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const WireDelivery = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * WireDelivery messageId.
             * @member {string} messageId
             * @memberof mesh.v1.WireDelivery
             * @instance
             */
            WireDelivery.prototype.messageId = "";

            /**
             * WireDelivery delivery.
             * @member {mesh.v1.Delivery.$Properties|null|undefined} delivery
             * @memberof mesh.v1.WireDelivery
             * @instance
             */
            WireDelivery.prototype.delivery = null;

            /**
             * Creates a new WireDelivery instance using the specified properties.
             * @function create
             * @memberof mesh.v1.WireDelivery
             * @static
             * @param {mesh.v1.WireDelivery.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.WireDelivery} WireDelivery instance
             * @type {{
             *   (properties: mesh.v1.WireDelivery.$Shape): mesh.v1.WireDelivery & mesh.v1.WireDelivery.$Shape;
             *   (properties?: mesh.v1.WireDelivery.$Properties): mesh.v1.WireDelivery;
             * }}
             */
            WireDelivery.create = function(properties) {
                return new WireDelivery(properties);
            };

            /**
             * Encodes the specified WireDelivery message. Does not implicitly {@link mesh.v1.WireDelivery.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.WireDelivery
             * @static
             * @param {mesh.v1.WireDelivery.$Properties} message WireDelivery message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WireDelivery.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.messageId);
                if (message.delivery != null && $Object.hasOwnProperty.call(message, "delivery"))
                    $root.mesh.v1.Delivery.encode(message.delivery, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a WireDelivery message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.WireDelivery
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.WireDelivery & mesh.v1.WireDelivery.$Shape} WireDelivery
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WireDelivery.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.WireDelivery();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.delivery = $root.mesh.v1.Delivery.decode(reader, reader.size(), $undefined, _depth + 1, message.delivery);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for WireDelivery
             * @function getTypeUrl
             * @memberof mesh.v1.WireDelivery
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            WireDelivery.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.WireDelivery";
            };

            return WireDelivery;
        })();

        v1.PeerChanged = (function() {

            /**
             * Properties of a PeerChanged.
             * @typedef {Object} mesh.v1.PeerChanged.$Properties
             * @property {mesh.v1.Peer.$Properties|null} [peer] PeerChanged peer
             * @property {string|null} [reason] PeerChanged reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PeerChanged.
             * @memberof mesh.v1
             * @interface IPeerChanged
             * @augments mesh.v1.PeerChanged.$Properties
             * @deprecated Use mesh.v1.PeerChanged.$Properties instead.
             */

            /**
             * Shape of a PeerChanged.
             * @typedef {mesh.v1.PeerChanged.$Properties} mesh.v1.PeerChanged.$Shape
             */

            /**
             * Constructs a new PeerChanged.
             * @memberof mesh.v1
             * @classdesc Represents a PeerChanged.
             * @constructor
             * @param {mesh.v1.PeerChanged.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PeerChanged = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PeerChanged peer.
             * @member {mesh.v1.Peer.$Properties|null|undefined} peer
             * @memberof mesh.v1.PeerChanged
             * @instance
             */
            PeerChanged.prototype.peer = null;

            /**
             * PeerChanged reason.
             * @member {string} reason
             * @memberof mesh.v1.PeerChanged
             * @instance
             */
            PeerChanged.prototype.reason = "";

            /**
             * Creates a new PeerChanged instance using the specified properties.
             * @function create
             * @memberof mesh.v1.PeerChanged
             * @static
             * @param {mesh.v1.PeerChanged.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.PeerChanged} PeerChanged instance
             * @type {{
             *   (properties: mesh.v1.PeerChanged.$Shape): mesh.v1.PeerChanged & mesh.v1.PeerChanged.$Shape;
             *   (properties?: mesh.v1.PeerChanged.$Properties): mesh.v1.PeerChanged;
             * }}
             */
            PeerChanged.create = function(properties) {
                return new PeerChanged(properties);
            };

            /**
             * Encodes the specified PeerChanged message. Does not implicitly {@link mesh.v1.PeerChanged.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.PeerChanged
             * @static
             * @param {mesh.v1.PeerChanged.$Properties} message PeerChanged message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PeerChanged.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.peer != null && $Object.hasOwnProperty.call(message, "peer"))
                    $root.mesh.v1.Peer.encode(message.peer, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PeerChanged message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.PeerChanged
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.PeerChanged & mesh.v1.PeerChanged.$Shape} PeerChanged
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PeerChanged.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.PeerChanged();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.peer = $root.mesh.v1.Peer.decode(reader, reader.size(), $undefined, _depth + 1, message.peer);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for PeerChanged
             * @function getTypeUrl
             * @memberof mesh.v1.PeerChanged
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PeerChanged.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.PeerChanged";
            };

            return PeerChanged;
        })();

        v1.PeersListRequest = (function() {

            /**
             * Properties of a PeersListRequest.
             * @typedef {Object} mesh.v1.PeersListRequest.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PeersListRequest.
             * @memberof mesh.v1
             * @interface IPeersListRequest
             * @augments mesh.v1.PeersListRequest.$Properties
             * @deprecated Use mesh.v1.PeersListRequest.$Properties instead.
             */

            /**
             * Shape of a PeersListRequest.
             * @typedef {mesh.v1.PeersListRequest.$Properties} mesh.v1.PeersListRequest.$Shape
             */

            /**
             * Constructs a new PeersListRequest.
             * @memberof mesh.v1
             * @classdesc Represents a PeersListRequest.
             * @constructor
             * @param {mesh.v1.PeersListRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PeersListRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Creates a new PeersListRequest instance using the specified properties.
             * @function create
             * @memberof mesh.v1.PeersListRequest
             * @static
             * @param {mesh.v1.PeersListRequest.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.PeersListRequest} PeersListRequest instance
             * @type {{
             *   (properties: mesh.v1.PeersListRequest.$Shape): mesh.v1.PeersListRequest & mesh.v1.PeersListRequest.$Shape;
             *   (properties?: mesh.v1.PeersListRequest.$Properties): mesh.v1.PeersListRequest;
             * }}
             */
            PeersListRequest.create = function(properties) {
                return new PeersListRequest(properties);
            };

            /**
             * Encodes the specified PeersListRequest message. Does not implicitly {@link mesh.v1.PeersListRequest.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.PeersListRequest
             * @static
             * @param {mesh.v1.PeersListRequest.$Properties} message PeersListRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PeersListRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PeersListRequest message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.PeersListRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.PeersListRequest & mesh.v1.PeersListRequest.$Shape} PeersListRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PeersListRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.PeersListRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for PeersListRequest
             * @function getTypeUrl
             * @memberof mesh.v1.PeersListRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PeersListRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.PeersListRequest";
            };

            return PeersListRequest;
        })();

        v1.PeerList = (function() {

            /**
             * Properties of a PeerList.
             * @typedef {Object} mesh.v1.PeerList.$Properties
             * @property {Array.<mesh.v1.Peer.$Properties>|null} [peers] PeerList peers
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PeerList.
             * @memberof mesh.v1
             * @interface IPeerList
             * @augments mesh.v1.PeerList.$Properties
             * @deprecated Use mesh.v1.PeerList.$Properties instead.
             */

            /**
             * Shape of a PeerList.
             * @typedef {mesh.v1.PeerList.$Properties} mesh.v1.PeerList.$Shape
             */

            /**
             * Constructs a new PeerList.
             * @memberof mesh.v1
             * @classdesc Represents a PeerList.
             * @constructor
             * @param {mesh.v1.PeerList.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PeerList = function (properties) {
                this.peers = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PeerList peers.
             * @member {Array.<mesh.v1.Peer.$Properties>} peers
             * @memberof mesh.v1.PeerList
             * @instance
             */
            PeerList.prototype.peers = $util.emptyArray;

            /**
             * Creates a new PeerList instance using the specified properties.
             * @function create
             * @memberof mesh.v1.PeerList
             * @static
             * @param {mesh.v1.PeerList.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.PeerList} PeerList instance
             * @type {{
             *   (properties: mesh.v1.PeerList.$Shape): mesh.v1.PeerList & mesh.v1.PeerList.$Shape;
             *   (properties?: mesh.v1.PeerList.$Properties): mesh.v1.PeerList;
             * }}
             */
            PeerList.create = function(properties) {
                return new PeerList(properties);
            };

            /**
             * Encodes the specified PeerList message. Does not implicitly {@link mesh.v1.PeerList.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.PeerList
             * @static
             * @param {mesh.v1.PeerList.$Properties} message PeerList message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PeerList.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.peers != null && message.peers.length)
                    for (let i = 0; i < message.peers.length; ++i)
                        $root.mesh.v1.Peer.encode(message.peers[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PeerList message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.PeerList
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.PeerList & mesh.v1.PeerList.$Shape} PeerList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PeerList.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.PeerList();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.peers && message.peers.length))
                                message.peers = [];
                            message.peers.push($root.mesh.v1.Peer.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for PeerList
             * @function getTypeUrl
             * @memberof mesh.v1.PeerList
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PeerList.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.PeerList";
            };

            return PeerList;
        })();

        /**
         * ChatSecurity enum.
         * @name mesh.v1.ChatSecurity
         * @enum {number}
         * @property {number} CHAT_SECURITY_PLAIN=0 CHAT_SECURITY_PLAIN value
         * @property {number} CHAT_SECURITY_V1_PASSWORD=1 CHAT_SECURITY_V1_PASSWORD value
         * @property {number} CHAT_SECURITY_UNREADABLE=2 CHAT_SECURITY_UNREADABLE value
         */
        v1.ChatSecurity = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CHAT_SECURITY_PLAIN"] = 0;
            values[valuesById[1] = "CHAT_SECURITY_V1_PASSWORD"] = 1;
            values[valuesById[2] = "CHAT_SECURITY_UNREADABLE"] = 2;
            return values;
        })();

        v1.ChatSendRequest = (function() {

            /**
             * Properties of a ChatSendRequest.
             * @typedef {Object} mesh.v1.ChatSendRequest.$Properties
             * @property {string|null} [content] ChatSendRequest content
             * @property {string|null} [messageId] ChatSendRequest messageId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ChatSendRequest.
             * @memberof mesh.v1
             * @interface IChatSendRequest
             * @augments mesh.v1.ChatSendRequest.$Properties
             * @deprecated Use mesh.v1.ChatSendRequest.$Properties instead.
             */

            /**
             * Shape of a ChatSendRequest.
             * @typedef {mesh.v1.ChatSendRequest.$Properties} mesh.v1.ChatSendRequest.$Shape
             */

            /**
             * Constructs a new ChatSendRequest.
             * @memberof mesh.v1
             * @classdesc Represents a ChatSendRequest.
             * @constructor
             * @param {mesh.v1.ChatSendRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ChatSendRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ChatSendRequest content.
             * @member {string} content
             * @memberof mesh.v1.ChatSendRequest
             * @instance
             */
            ChatSendRequest.prototype.content = "";

            /**
             * ChatSendRequest messageId.
             * @member {string} messageId
             * @memberof mesh.v1.ChatSendRequest
             * @instance
             */
            ChatSendRequest.prototype.messageId = "";

            /**
             * Creates a new ChatSendRequest instance using the specified properties.
             * @function create
             * @memberof mesh.v1.ChatSendRequest
             * @static
             * @param {mesh.v1.ChatSendRequest.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.ChatSendRequest} ChatSendRequest instance
             * @type {{
             *   (properties: mesh.v1.ChatSendRequest.$Shape): mesh.v1.ChatSendRequest & mesh.v1.ChatSendRequest.$Shape;
             *   (properties?: mesh.v1.ChatSendRequest.$Properties): mesh.v1.ChatSendRequest;
             * }}
             */
            ChatSendRequest.create = function(properties) {
                return new ChatSendRequest(properties);
            };

            /**
             * Encodes the specified ChatSendRequest message. Does not implicitly {@link mesh.v1.ChatSendRequest.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.ChatSendRequest
             * @static
             * @param {mesh.v1.ChatSendRequest.$Properties} message ChatSendRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ChatSendRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.content != null && $Object.hasOwnProperty.call(message, "content") && message.content !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.content);
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.messageId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ChatSendRequest message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.ChatSendRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.ChatSendRequest & mesh.v1.ChatSendRequest.$Shape} ChatSendRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ChatSendRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.ChatSendRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.content = value;
                            else
                                delete message.content;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for ChatSendRequest
             * @function getTypeUrl
             * @memberof mesh.v1.ChatSendRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ChatSendRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.ChatSendRequest";
            };

            return ChatSendRequest;
        })();

        v1.ChatSendReply = (function() {

            /**
             * Properties of a ChatSendReply.
             * @typedef {Object} mesh.v1.ChatSendReply.$Properties
             * @property {mesh.v1.Chat.$Properties|null} [chat] ChatSendReply chat
             * @property {Array.<mesh.v1.PeerRef.$Properties>|null} [targets] ChatSendReply targets
             * @property {string|null} [error] ChatSendReply error
             * @property {mesh.v1.ChatSecurity|null} [security] ChatSendReply security
             * @property {boolean|null} [tooLarge] ChatSendReply tooLarge
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ChatSendReply.
             * @memberof mesh.v1
             * @interface IChatSendReply
             * @augments mesh.v1.ChatSendReply.$Properties
             * @deprecated Use mesh.v1.ChatSendReply.$Properties instead.
             */

            /**
             * Shape of a ChatSendReply.
             * @typedef {mesh.v1.ChatSendReply.$Properties} mesh.v1.ChatSendReply.$Shape
             */

            /**
             * Constructs a new ChatSendReply.
             * @memberof mesh.v1
             * @classdesc Represents a ChatSendReply.
             * @constructor
             * @param {mesh.v1.ChatSendReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ChatSendReply = function (properties) {
                this.targets = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ChatSendReply chat.
             * @member {mesh.v1.Chat.$Properties|null|undefined} chat
             * @memberof mesh.v1.ChatSendReply
             * @instance
             */
            ChatSendReply.prototype.chat = null;

            /**
             * ChatSendReply targets.
             * @member {Array.<mesh.v1.PeerRef.$Properties>} targets
             * @memberof mesh.v1.ChatSendReply
             * @instance
             */
            ChatSendReply.prototype.targets = $util.emptyArray;

            /**
             * ChatSendReply error.
             * @member {string} error
             * @memberof mesh.v1.ChatSendReply
             * @instance
             */
            ChatSendReply.prototype.error = "";

            /**
             * ChatSendReply security.
             * @member {mesh.v1.ChatSecurity} security
             * @memberof mesh.v1.ChatSendReply
             * @instance
             */
            ChatSendReply.prototype.security = 0;

            /**
             * ChatSendReply tooLarge.
             * @member {boolean} tooLarge
             * @memberof mesh.v1.ChatSendReply
             * @instance
             */
            ChatSendReply.prototype.tooLarge = false;

            /**
             * Creates a new ChatSendReply instance using the specified properties.
             * @function create
             * @memberof mesh.v1.ChatSendReply
             * @static
             * @param {mesh.v1.ChatSendReply.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.ChatSendReply} ChatSendReply instance
             * @type {{
             *   (properties: mesh.v1.ChatSendReply.$Shape): mesh.v1.ChatSendReply & mesh.v1.ChatSendReply.$Shape;
             *   (properties?: mesh.v1.ChatSendReply.$Properties): mesh.v1.ChatSendReply;
             * }}
             */
            ChatSendReply.create = function(properties) {
                return new ChatSendReply(properties);
            };

            /**
             * Encodes the specified ChatSendReply message. Does not implicitly {@link mesh.v1.ChatSendReply.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.ChatSendReply
             * @static
             * @param {mesh.v1.ChatSendReply.$Properties} message ChatSendReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ChatSendReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.chat != null && $Object.hasOwnProperty.call(message, "chat"))
                    $root.mesh.v1.Chat.encode(message.chat, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.targets != null && message.targets.length)
                    for (let i = 0; i < message.targets.length; ++i)
                        $root.mesh.v1.PeerRef.encode(message.targets[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.error);
                if (message.security != null && $Object.hasOwnProperty.call(message, "security") && message.security !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.security);
                if (message.tooLarge != null && $Object.hasOwnProperty.call(message, "tooLarge") && message.tooLarge !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.tooLarge);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ChatSendReply message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.ChatSendReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.ChatSendReply & mesh.v1.ChatSendReply.$Shape} ChatSendReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ChatSendReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.ChatSendReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.chat = $root.mesh.v1.Chat.decode(reader, reader.size(), $undefined, _depth + 1, message.chat);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.targets && message.targets.length))
                                message.targets = [];
                            message.targets.push($root.mesh.v1.PeerRef.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.security = value;
                            else
                                delete message.security;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.tooLarge = value;
                            else
                                delete message.tooLarge;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for ChatSendReply
             * @function getTypeUrl
             * @memberof mesh.v1.ChatSendReply
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ChatSendReply.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.ChatSendReply";
            };

            return ChatSendReply;
        })();

        v1.ChatReceived = (function() {

            /**
             * Properties of a ChatReceived.
             * @typedef {Object} mesh.v1.ChatReceived.$Properties
             * @property {mesh.v1.Chat.$Properties|null} [chat] ChatReceived chat
             * @property {mesh.v1.Endpoint.$Properties|null} [from] ChatReceived from
             * @property {mesh.v1.ChatSecurity|null} [security] ChatReceived security
             * @property {boolean|null} [authenticated] ChatReceived authenticated
             * @property {string|null} [via] ChatReceived via
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ChatReceived.
             * @memberof mesh.v1
             * @interface IChatReceived
             * @augments mesh.v1.ChatReceived.$Properties
             * @deprecated Use mesh.v1.ChatReceived.$Properties instead.
             */

            /**
             * Shape of a ChatReceived.
             * @typedef {mesh.v1.ChatReceived.$Properties} mesh.v1.ChatReceived.$Shape
             */

            /**
             * Constructs a new ChatReceived.
             * @memberof mesh.v1
             * @classdesc Represents a ChatReceived.
             * @constructor
             * @param {mesh.v1.ChatReceived.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ChatReceived = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ChatReceived chat.
             * @member {mesh.v1.Chat.$Properties|null|undefined} chat
             * @memberof mesh.v1.ChatReceived
             * @instance
             */
            ChatReceived.prototype.chat = null;

            /**
             * ChatReceived from.
             * @member {mesh.v1.Endpoint.$Properties|null|undefined} from
             * @memberof mesh.v1.ChatReceived
             * @instance
             */
            ChatReceived.prototype.from = null;

            /**
             * ChatReceived security.
             * @member {mesh.v1.ChatSecurity} security
             * @memberof mesh.v1.ChatReceived
             * @instance
             */
            ChatReceived.prototype.security = 0;

            /**
             * ChatReceived authenticated.
             * @member {boolean} authenticated
             * @memberof mesh.v1.ChatReceived
             * @instance
             */
            ChatReceived.prototype.authenticated = false;

            /**
             * ChatReceived via.
             * @member {string} via
             * @memberof mesh.v1.ChatReceived
             * @instance
             */
            ChatReceived.prototype.via = "";

            /**
             * Creates a new ChatReceived instance using the specified properties.
             * @function create
             * @memberof mesh.v1.ChatReceived
             * @static
             * @param {mesh.v1.ChatReceived.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.ChatReceived} ChatReceived instance
             * @type {{
             *   (properties: mesh.v1.ChatReceived.$Shape): mesh.v1.ChatReceived & mesh.v1.ChatReceived.$Shape;
             *   (properties?: mesh.v1.ChatReceived.$Properties): mesh.v1.ChatReceived;
             * }}
             */
            ChatReceived.create = function(properties) {
                return new ChatReceived(properties);
            };

            /**
             * Encodes the specified ChatReceived message. Does not implicitly {@link mesh.v1.ChatReceived.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.ChatReceived
             * @static
             * @param {mesh.v1.ChatReceived.$Properties} message ChatReceived message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ChatReceived.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.chat != null && $Object.hasOwnProperty.call(message, "chat"))
                    $root.mesh.v1.Chat.encode(message.chat, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.from != null && $Object.hasOwnProperty.call(message, "from"))
                    $root.mesh.v1.Endpoint.encode(message.from, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.security != null && $Object.hasOwnProperty.call(message, "security") && message.security !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.security);
                if (message.authenticated != null && $Object.hasOwnProperty.call(message, "authenticated") && message.authenticated !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.authenticated);
                if (message.via != null && $Object.hasOwnProperty.call(message, "via") && message.via !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.via);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ChatReceived message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.ChatReceived
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.ChatReceived & mesh.v1.ChatReceived.$Shape} ChatReceived
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ChatReceived.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.ChatReceived();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.chat = $root.mesh.v1.Chat.decode(reader, reader.size(), $undefined, _depth + 1, message.chat);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.from = $root.mesh.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1, message.from);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.security = value;
                            else
                                delete message.security;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.authenticated = value;
                            else
                                delete message.authenticated;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.via = value;
                            else
                                delete message.via;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for ChatReceived
             * @function getTypeUrl
             * @memberof mesh.v1.ChatReceived
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ChatReceived.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.ChatReceived";
            };

            return ChatReceived;
        })();

        v1.RouterStatsRequest = (function() {

            /**
             * Properties of a RouterStatsRequest.
             * @typedef {Object} mesh.v1.RouterStatsRequest.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RouterStatsRequest.
             * @memberof mesh.v1
             * @interface IRouterStatsRequest
             * @augments mesh.v1.RouterStatsRequest.$Properties
             * @deprecated Use mesh.v1.RouterStatsRequest.$Properties instead.
             */

            /**
             * Shape of a RouterStatsRequest.
             * @typedef {mesh.v1.RouterStatsRequest.$Properties} mesh.v1.RouterStatsRequest.$Shape
             */

            /**
             * Constructs a new RouterStatsRequest.
             * @memberof mesh.v1
             * @classdesc Represents a RouterStatsRequest.
             * @constructor
             * @param {mesh.v1.RouterStatsRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RouterStatsRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Creates a new RouterStatsRequest instance using the specified properties.
             * @function create
             * @memberof mesh.v1.RouterStatsRequest
             * @static
             * @param {mesh.v1.RouterStatsRequest.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.RouterStatsRequest} RouterStatsRequest instance
             * @type {{
             *   (properties: mesh.v1.RouterStatsRequest.$Shape): mesh.v1.RouterStatsRequest & mesh.v1.RouterStatsRequest.$Shape;
             *   (properties?: mesh.v1.RouterStatsRequest.$Properties): mesh.v1.RouterStatsRequest;
             * }}
             */
            RouterStatsRequest.create = function(properties) {
                return new RouterStatsRequest(properties);
            };

            /**
             * Encodes the specified RouterStatsRequest message. Does not implicitly {@link mesh.v1.RouterStatsRequest.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.RouterStatsRequest
             * @static
             * @param {mesh.v1.RouterStatsRequest.$Properties} message RouterStatsRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RouterStatsRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RouterStatsRequest message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.RouterStatsRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.RouterStatsRequest & mesh.v1.RouterStatsRequest.$Shape} RouterStatsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RouterStatsRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.RouterStatsRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for RouterStatsRequest
             * @function getTypeUrl
             * @memberof mesh.v1.RouterStatsRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RouterStatsRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.RouterStatsRequest";
            };

            return RouterStatsRequest;
        })();

        v1.RouterStats = (function() {

            /**
             * Properties of a RouterStats.
             * @typedef {Object} mesh.v1.RouterStats.$Properties
             * @property {Object.<string,number>|null} [dropped] RouterStats dropped
             * @property {number|null} [received] RouterStats received
             * @property {number|null} [relayed] RouterStats relayed
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RouterStats.
             * @memberof mesh.v1
             * @interface IRouterStats
             * @augments mesh.v1.RouterStats.$Properties
             * @deprecated Use mesh.v1.RouterStats.$Properties instead.
             */

            /**
             * Shape of a RouterStats.
             * @typedef {mesh.v1.RouterStats.$Properties} mesh.v1.RouterStats.$Shape
             */

            /**
             * Constructs a new RouterStats.
             * @memberof mesh.v1
             * @classdesc Represents a RouterStats.
             * @constructor
             * @param {mesh.v1.RouterStats.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RouterStats = function (properties) {
                this.dropped = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RouterStats dropped.
             * @member {Object.<string,number>} dropped
             * @memberof mesh.v1.RouterStats
             * @instance
             */
            RouterStats.prototype.dropped = $util.emptyObject;

            /**
             * RouterStats received.
             * @member {number} received
             * @memberof mesh.v1.RouterStats
             * @instance
             */
            RouterStats.prototype.received = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RouterStats relayed.
             * @member {number} relayed
             * @memberof mesh.v1.RouterStats
             * @instance
             */
            RouterStats.prototype.relayed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new RouterStats instance using the specified properties.
             * @function create
             * @memberof mesh.v1.RouterStats
             * @static
             * @param {mesh.v1.RouterStats.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.RouterStats} RouterStats instance
             * @type {{
             *   (properties: mesh.v1.RouterStats.$Shape): mesh.v1.RouterStats & mesh.v1.RouterStats.$Shape;
             *   (properties?: mesh.v1.RouterStats.$Properties): mesh.v1.RouterStats;
             * }}
             */
            RouterStats.create = function(properties) {
                return new RouterStats(properties);
            };

            /**
             * Encodes the specified RouterStats message. Does not implicitly {@link mesh.v1.RouterStats.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.RouterStats
             * @static
             * @param {mesh.v1.RouterStats.$Properties} message RouterStats message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RouterStats.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.dropped != null && $Object.hasOwnProperty.call(message, "dropped"))
                    for (let keys = $Object.keys(message.dropped), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 1, wireType 2 =*/10).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 0 =*/16).uint64(message.dropped[keys[i]]).ldelim();
                if (message.received != null && $Object.hasOwnProperty.call(message, "received") && (typeof message.received === "object" ? message.received.low || message.received.high : message.received !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.received);
                if (message.relayed != null && $Object.hasOwnProperty.call(message, "relayed") && (typeof message.relayed === "object" ? message.relayed.low || message.relayed.high : message.relayed !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.relayed);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RouterStats message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.RouterStats
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.RouterStats & mesh.v1.RouterStats.$Shape} RouterStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RouterStats.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.RouterStats();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (message.dropped === $util.emptyObject)
                                message.dropped = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = $util.Long ? $util.Long.fromNumber(0, true) : 0;
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 0)
                                        break;
                                    value = reader.uint64();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.dropped, key);
                            message.dropped[key] = value;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.received = value;
                            else
                                delete message.received;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.relayed = value;
                            else
                                delete message.relayed;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for RouterStats
             * @function getTypeUrl
             * @memberof mesh.v1.RouterStats
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RouterStats.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.RouterStats";
            };

            return RouterStats;
        })();

        v1.FileChunkReceived = (function() {

            /**
             * Properties of a FileChunkReceived.
             * @typedef {Object} mesh.v1.FileChunkReceived.$Properties
             * @property {mesh.v1.FileChunk.$Properties|null} [chunk] FileChunkReceived chunk
             * @property {mesh.v1.Endpoint.$Properties|null} [from] FileChunkReceived from
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileChunkReceived.
             * @memberof mesh.v1
             * @interface IFileChunkReceived
             * @augments mesh.v1.FileChunkReceived.$Properties
             * @deprecated Use mesh.v1.FileChunkReceived.$Properties instead.
             */

            /**
             * Shape of a FileChunkReceived.
             * @typedef {mesh.v1.FileChunkReceived.$Properties} mesh.v1.FileChunkReceived.$Shape
             */

            /**
             * Constructs a new FileChunkReceived.
             * @memberof mesh.v1
             * @classdesc Represents a FileChunkReceived.
             * @constructor
             * @param {mesh.v1.FileChunkReceived.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileChunkReceived = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileChunkReceived chunk.
             * @member {mesh.v1.FileChunk.$Properties|null|undefined} chunk
             * @memberof mesh.v1.FileChunkReceived
             * @instance
             */
            FileChunkReceived.prototype.chunk = null;

            /**
             * FileChunkReceived from.
             * @member {mesh.v1.Endpoint.$Properties|null|undefined} from
             * @memberof mesh.v1.FileChunkReceived
             * @instance
             */
            FileChunkReceived.prototype.from = null;

            /**
             * Creates a new FileChunkReceived instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileChunkReceived
             * @static
             * @param {mesh.v1.FileChunkReceived.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileChunkReceived} FileChunkReceived instance
             * @type {{
             *   (properties: mesh.v1.FileChunkReceived.$Shape): mesh.v1.FileChunkReceived & mesh.v1.FileChunkReceived.$Shape;
             *   (properties?: mesh.v1.FileChunkReceived.$Properties): mesh.v1.FileChunkReceived;
             * }}
             */
            FileChunkReceived.create = function(properties) {
                return new FileChunkReceived(properties);
            };

            /**
             * Encodes the specified FileChunkReceived message. Does not implicitly {@link mesh.v1.FileChunkReceived.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileChunkReceived
             * @static
             * @param {mesh.v1.FileChunkReceived.$Properties} message FileChunkReceived message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileChunkReceived.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk"))
                    $root.mesh.v1.FileChunk.encode(message.chunk, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.from != null && $Object.hasOwnProperty.call(message, "from"))
                    $root.mesh.v1.Endpoint.encode(message.from, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileChunkReceived message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileChunkReceived
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileChunkReceived & mesh.v1.FileChunkReceived.$Shape} FileChunkReceived
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileChunkReceived.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileChunkReceived();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.chunk = $root.mesh.v1.FileChunk.decode(reader, reader.size(), $undefined, _depth + 1, message.chunk);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.from = $root.mesh.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1, message.from);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileChunkReceived
             * @function getTypeUrl
             * @memberof mesh.v1.FileChunkReceived
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileChunkReceived.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileChunkReceived";
            };

            return FileChunkReceived;
        })();

        v1.FileAdmitRequest = (function() {

            /**
             * Properties of a FileAdmitRequest.
             * @typedef {Object} mesh.v1.FileAdmitRequest.$Properties
             * @property {mesh.v1.FileChunk.$Properties|null} [chunk] FileAdmitRequest chunk
             * @property {mesh.v1.Endpoint.$Properties|null} [from] FileAdmitRequest from
             * @property {boolean|null} [direct] FileAdmitRequest direct
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileAdmitRequest.
             * @memberof mesh.v1
             * @interface IFileAdmitRequest
             * @augments mesh.v1.FileAdmitRequest.$Properties
             * @deprecated Use mesh.v1.FileAdmitRequest.$Properties instead.
             */

            /**
             * Shape of a FileAdmitRequest.
             * @typedef {mesh.v1.FileAdmitRequest.$Properties} mesh.v1.FileAdmitRequest.$Shape
             */

            /**
             * Constructs a new FileAdmitRequest.
             * @memberof mesh.v1
             * @classdesc Represents a FileAdmitRequest.
             * @constructor
             * @param {mesh.v1.FileAdmitRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileAdmitRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileAdmitRequest chunk.
             * @member {mesh.v1.FileChunk.$Properties|null|undefined} chunk
             * @memberof mesh.v1.FileAdmitRequest
             * @instance
             */
            FileAdmitRequest.prototype.chunk = null;

            /**
             * FileAdmitRequest from.
             * @member {mesh.v1.Endpoint.$Properties|null|undefined} from
             * @memberof mesh.v1.FileAdmitRequest
             * @instance
             */
            FileAdmitRequest.prototype.from = null;

            /**
             * FileAdmitRequest direct.
             * @member {boolean} direct
             * @memberof mesh.v1.FileAdmitRequest
             * @instance
             */
            FileAdmitRequest.prototype.direct = false;

            /**
             * Creates a new FileAdmitRequest instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileAdmitRequest
             * @static
             * @param {mesh.v1.FileAdmitRequest.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileAdmitRequest} FileAdmitRequest instance
             * @type {{
             *   (properties: mesh.v1.FileAdmitRequest.$Shape): mesh.v1.FileAdmitRequest & mesh.v1.FileAdmitRequest.$Shape;
             *   (properties?: mesh.v1.FileAdmitRequest.$Properties): mesh.v1.FileAdmitRequest;
             * }}
             */
            FileAdmitRequest.create = function(properties) {
                return new FileAdmitRequest(properties);
            };

            /**
             * Encodes the specified FileAdmitRequest message. Does not implicitly {@link mesh.v1.FileAdmitRequest.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileAdmitRequest
             * @static
             * @param {mesh.v1.FileAdmitRequest.$Properties} message FileAdmitRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileAdmitRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk"))
                    $root.mesh.v1.FileChunk.encode(message.chunk, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.from != null && $Object.hasOwnProperty.call(message, "from"))
                    $root.mesh.v1.Endpoint.encode(message.from, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.direct != null && $Object.hasOwnProperty.call(message, "direct") && message.direct !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.direct);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileAdmitRequest message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileAdmitRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileAdmitRequest & mesh.v1.FileAdmitRequest.$Shape} FileAdmitRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileAdmitRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileAdmitRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.chunk = $root.mesh.v1.FileChunk.decode(reader, reader.size(), $undefined, _depth + 1, message.chunk);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.from = $root.mesh.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1, message.from);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.direct = value;
                            else
                                delete message.direct;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileAdmitRequest
             * @function getTypeUrl
             * @memberof mesh.v1.FileAdmitRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileAdmitRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileAdmitRequest";
            };

            return FileAdmitRequest;
        })();

        v1.FileAdmitReply = (function() {

            /**
             * Properties of a FileAdmitReply.
             * @typedef {Object} mesh.v1.FileAdmitReply.$Properties
             * @property {boolean|null} [accepted] FileAdmitReply accepted
             * @property {string|null} [reason] FileAdmitReply reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileAdmitReply.
             * @memberof mesh.v1
             * @interface IFileAdmitReply
             * @augments mesh.v1.FileAdmitReply.$Properties
             * @deprecated Use mesh.v1.FileAdmitReply.$Properties instead.
             */

            /**
             * Shape of a FileAdmitReply.
             * @typedef {mesh.v1.FileAdmitReply.$Properties} mesh.v1.FileAdmitReply.$Shape
             */

            /**
             * Constructs a new FileAdmitReply.
             * @memberof mesh.v1
             * @classdesc Represents a FileAdmitReply.
             * @constructor
             * @param {mesh.v1.FileAdmitReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileAdmitReply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileAdmitReply accepted.
             * @member {boolean} accepted
             * @memberof mesh.v1.FileAdmitReply
             * @instance
             */
            FileAdmitReply.prototype.accepted = false;

            /**
             * FileAdmitReply reason.
             * @member {string} reason
             * @memberof mesh.v1.FileAdmitReply
             * @instance
             */
            FileAdmitReply.prototype.reason = "";

            /**
             * Creates a new FileAdmitReply instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileAdmitReply
             * @static
             * @param {mesh.v1.FileAdmitReply.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileAdmitReply} FileAdmitReply instance
             * @type {{
             *   (properties: mesh.v1.FileAdmitReply.$Shape): mesh.v1.FileAdmitReply & mesh.v1.FileAdmitReply.$Shape;
             *   (properties?: mesh.v1.FileAdmitReply.$Properties): mesh.v1.FileAdmitReply;
             * }}
             */
            FileAdmitReply.create = function(properties) {
                return new FileAdmitReply(properties);
            };

            /**
             * Encodes the specified FileAdmitReply message. Does not implicitly {@link mesh.v1.FileAdmitReply.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileAdmitReply
             * @static
             * @param {mesh.v1.FileAdmitReply.$Properties} message FileAdmitReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileAdmitReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted") && message.accepted !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.accepted);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileAdmitReply message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileAdmitReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileAdmitReply & mesh.v1.FileAdmitReply.$Shape} FileAdmitReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileAdmitReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileAdmitReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.accepted = value;
                            else
                                delete message.accepted;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileAdmitReply
             * @function getTypeUrl
             * @memberof mesh.v1.FileAdmitReply
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileAdmitReply.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileAdmitReply";
            };

            return FileAdmitReply;
        })();

        v1.FileChunkSend = (function() {

            /**
             * Properties of a FileChunkSend.
             * @typedef {Object} mesh.v1.FileChunkSend.$Properties
             * @property {mesh.v1.FileChunk.$Properties|null} [chunk] FileChunkSend chunk
             * @property {mesh.v1.PeerRef.$Properties|null} [target] FileChunkSend target
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileChunkSend.
             * @memberof mesh.v1
             * @interface IFileChunkSend
             * @augments mesh.v1.FileChunkSend.$Properties
             * @deprecated Use mesh.v1.FileChunkSend.$Properties instead.
             */

            /**
             * Shape of a FileChunkSend.
             * @typedef {mesh.v1.FileChunkSend.$Properties} mesh.v1.FileChunkSend.$Shape
             */

            /**
             * Constructs a new FileChunkSend.
             * @memberof mesh.v1
             * @classdesc Represents a FileChunkSend.
             * @constructor
             * @param {mesh.v1.FileChunkSend.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileChunkSend = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileChunkSend chunk.
             * @member {mesh.v1.FileChunk.$Properties|null|undefined} chunk
             * @memberof mesh.v1.FileChunkSend
             * @instance
             */
            FileChunkSend.prototype.chunk = null;

            /**
             * FileChunkSend target.
             * @member {mesh.v1.PeerRef.$Properties|null|undefined} target
             * @memberof mesh.v1.FileChunkSend
             * @instance
             */
            FileChunkSend.prototype.target = null;

            /**
             * Creates a new FileChunkSend instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileChunkSend
             * @static
             * @param {mesh.v1.FileChunkSend.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileChunkSend} FileChunkSend instance
             * @type {{
             *   (properties: mesh.v1.FileChunkSend.$Shape): mesh.v1.FileChunkSend & mesh.v1.FileChunkSend.$Shape;
             *   (properties?: mesh.v1.FileChunkSend.$Properties): mesh.v1.FileChunkSend;
             * }}
             */
            FileChunkSend.create = function(properties) {
                return new FileChunkSend(properties);
            };

            /**
             * Encodes the specified FileChunkSend message. Does not implicitly {@link mesh.v1.FileChunkSend.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileChunkSend
             * @static
             * @param {mesh.v1.FileChunkSend.$Properties} message FileChunkSend message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileChunkSend.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk"))
                    $root.mesh.v1.FileChunk.encode(message.chunk, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.target != null && $Object.hasOwnProperty.call(message, "target"))
                    $root.mesh.v1.PeerRef.encode(message.target, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileChunkSend message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileChunkSend
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileChunkSend & mesh.v1.FileChunkSend.$Shape} FileChunkSend
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileChunkSend.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileChunkSend();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.chunk = $root.mesh.v1.FileChunk.decode(reader, reader.size(), $undefined, _depth + 1, message.chunk);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.target = $root.mesh.v1.PeerRef.decode(reader, reader.size(), $undefined, _depth + 1, message.target);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileChunkSend
             * @function getTypeUrl
             * @memberof mesh.v1.FileChunkSend
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileChunkSend.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileChunkSend";
            };

            return FileChunkSend;
        })();

        v1.FileUploadRequest = (function() {

            /**
             * Properties of a FileUploadRequest.
             * @typedef {Object} mesh.v1.FileUploadRequest.$Properties
             * @property {string|null} [streamId] FileUploadRequest streamId
             * @property {string|null} [filename] FileUploadRequest filename
             * @property {number|null} [size] FileUploadRequest size
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileUploadRequest.
             * @memberof mesh.v1
             * @interface IFileUploadRequest
             * @augments mesh.v1.FileUploadRequest.$Properties
             * @deprecated Use mesh.v1.FileUploadRequest.$Properties instead.
             */

            /**
             * Shape of a FileUploadRequest.
             * @typedef {mesh.v1.FileUploadRequest.$Properties} mesh.v1.FileUploadRequest.$Shape
             */

            /**
             * Constructs a new FileUploadRequest.
             * @memberof mesh.v1
             * @classdesc Represents a FileUploadRequest.
             * @constructor
             * @param {mesh.v1.FileUploadRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileUploadRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileUploadRequest streamId.
             * @member {string} streamId
             * @memberof mesh.v1.FileUploadRequest
             * @instance
             */
            FileUploadRequest.prototype.streamId = "";

            /**
             * FileUploadRequest filename.
             * @member {string} filename
             * @memberof mesh.v1.FileUploadRequest
             * @instance
             */
            FileUploadRequest.prototype.filename = "";

            /**
             * FileUploadRequest size.
             * @member {number} size
             * @memberof mesh.v1.FileUploadRequest
             * @instance
             */
            FileUploadRequest.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new FileUploadRequest instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileUploadRequest
             * @static
             * @param {mesh.v1.FileUploadRequest.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileUploadRequest} FileUploadRequest instance
             * @type {{
             *   (properties: mesh.v1.FileUploadRequest.$Shape): mesh.v1.FileUploadRequest & mesh.v1.FileUploadRequest.$Shape;
             *   (properties?: mesh.v1.FileUploadRequest.$Properties): mesh.v1.FileUploadRequest;
             * }}
             */
            FileUploadRequest.create = function(properties) {
                return new FileUploadRequest(properties);
            };

            /**
             * Encodes the specified FileUploadRequest message. Does not implicitly {@link mesh.v1.FileUploadRequest.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileUploadRequest
             * @static
             * @param {mesh.v1.FileUploadRequest.$Properties} message FileUploadRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileUploadRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.streamId);
                if (message.filename != null && $Object.hasOwnProperty.call(message, "filename") && message.filename !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.filename);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.size);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileUploadRequest message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileUploadRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileUploadRequest & mesh.v1.FileUploadRequest.$Shape} FileUploadRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileUploadRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileUploadRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.streamId = value;
                            else
                                delete message.streamId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.filename = value;
                            else
                                delete message.filename;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileUploadRequest
             * @function getTypeUrl
             * @memberof mesh.v1.FileUploadRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileUploadRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileUploadRequest";
            };

            return FileUploadRequest;
        })();

        v1.FileSendReply = (function() {

            /**
             * Properties of a FileSendReply.
             * @typedef {Object} mesh.v1.FileSendReply.$Properties
             * @property {string|null} [fileId] FileSendReply fileId
             * @property {string|null} [filename] FileSendReply filename
             * @property {number|null} [size] FileSendReply size
             * @property {number|null} [totalChunks] FileSendReply totalChunks
             * @property {string|null} [error] FileSendReply error
             * @property {boolean|null} [tooLarge] FileSendReply tooLarge
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileSendReply.
             * @memberof mesh.v1
             * @interface IFileSendReply
             * @augments mesh.v1.FileSendReply.$Properties
             * @deprecated Use mesh.v1.FileSendReply.$Properties instead.
             */

            /**
             * Shape of a FileSendReply.
             * @typedef {mesh.v1.FileSendReply.$Properties} mesh.v1.FileSendReply.$Shape
             */

            /**
             * Constructs a new FileSendReply.
             * @memberof mesh.v1
             * @classdesc Represents a FileSendReply.
             * @constructor
             * @param {mesh.v1.FileSendReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileSendReply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileSendReply fileId.
             * @member {string} fileId
             * @memberof mesh.v1.FileSendReply
             * @instance
             */
            FileSendReply.prototype.fileId = "";

            /**
             * FileSendReply filename.
             * @member {string} filename
             * @memberof mesh.v1.FileSendReply
             * @instance
             */
            FileSendReply.prototype.filename = "";

            /**
             * FileSendReply size.
             * @member {number} size
             * @memberof mesh.v1.FileSendReply
             * @instance
             */
            FileSendReply.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * FileSendReply totalChunks.
             * @member {number} totalChunks
             * @memberof mesh.v1.FileSendReply
             * @instance
             */
            FileSendReply.prototype.totalChunks = 0;

            /**
             * FileSendReply error.
             * @member {string} error
             * @memberof mesh.v1.FileSendReply
             * @instance
             */
            FileSendReply.prototype.error = "";

            /**
             * FileSendReply tooLarge.
             * @member {boolean} tooLarge
             * @memberof mesh.v1.FileSendReply
             * @instance
             */
            FileSendReply.prototype.tooLarge = false;

            /**
             * Creates a new FileSendReply instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileSendReply
             * @static
             * @param {mesh.v1.FileSendReply.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileSendReply} FileSendReply instance
             * @type {{
             *   (properties: mesh.v1.FileSendReply.$Shape): mesh.v1.FileSendReply & mesh.v1.FileSendReply.$Shape;
             *   (properties?: mesh.v1.FileSendReply.$Properties): mesh.v1.FileSendReply;
             * }}
             */
            FileSendReply.create = function(properties) {
                return new FileSendReply(properties);
            };

            /**
             * Encodes the specified FileSendReply message. Does not implicitly {@link mesh.v1.FileSendReply.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileSendReply
             * @static
             * @param {mesh.v1.FileSendReply.$Properties} message FileSendReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileSendReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.fileId != null && $Object.hasOwnProperty.call(message, "fileId") && message.fileId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.fileId);
                if (message.filename != null && $Object.hasOwnProperty.call(message, "filename") && message.filename !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.filename);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.size);
                if (message.totalChunks != null && $Object.hasOwnProperty.call(message, "totalChunks") && message.totalChunks !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.totalChunks);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.error);
                if (message.tooLarge != null && $Object.hasOwnProperty.call(message, "tooLarge") && message.tooLarge !== false)
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.tooLarge);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileSendReply message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileSendReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileSendReply & mesh.v1.FileSendReply.$Shape} FileSendReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileSendReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileSendReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fileId = value;
                            else
                                delete message.fileId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.filename = value;
                            else
                                delete message.filename;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.totalChunks = value;
                            else
                                delete message.totalChunks;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.tooLarge = value;
                            else
                                delete message.tooLarge;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileSendReply
             * @function getTypeUrl
             * @memberof mesh.v1.FileSendReply
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileSendReply.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileSendReply";
            };

            return FileSendReply;
        })();

        /**
         * Direction enum.
         * @name mesh.v1.Direction
         * @enum {number}
         * @property {number} DIRECTION_UNSPECIFIED=0 DIRECTION_UNSPECIFIED value
         * @property {number} DIRECTION_IN=1 DIRECTION_IN value
         * @property {number} DIRECTION_OUT=2 DIRECTION_OUT value
         */
        v1.Direction = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DIRECTION_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DIRECTION_IN"] = 1;
            values[valuesById[2] = "DIRECTION_OUT"] = 2;
            return values;
        })();

        v1.FileProgress = (function() {

            /**
             * Properties of a FileProgress.
             * @typedef {Object} mesh.v1.FileProgress.$Properties
             * @property {string|null} [fileId] FileProgress fileId
             * @property {string|null} [filename] FileProgress filename
             * @property {mesh.v1.Direction|null} [direction] FileProgress direction
             * @property {number|null} [bytesDone] FileProgress bytesDone
             * @property {number|null} [size] FileProgress size
             * @property {number|null} [chunksDone] FileProgress chunksDone
             * @property {number|null} [totalChunks] FileProgress totalChunks
             * @property {string|null} [senderId] FileProgress senderId
             * @property {string|null} [senderName] FileProgress senderName
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileProgress.
             * @memberof mesh.v1
             * @interface IFileProgress
             * @augments mesh.v1.FileProgress.$Properties
             * @deprecated Use mesh.v1.FileProgress.$Properties instead.
             */

            /**
             * Shape of a FileProgress.
             * @typedef {mesh.v1.FileProgress.$Properties} mesh.v1.FileProgress.$Shape
             */

            /**
             * Constructs a new FileProgress.
             * @memberof mesh.v1
             * @classdesc Represents a FileProgress.
             * @constructor
             * @param {mesh.v1.FileProgress.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileProgress = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileProgress fileId.
             * @member {string} fileId
             * @memberof mesh.v1.FileProgress
             * @instance
             */
            FileProgress.prototype.fileId = "";

            /**
             * FileProgress filename.
             * @member {string} filename
             * @memberof mesh.v1.FileProgress
             * @instance
             */
            FileProgress.prototype.filename = "";

            /**
             * FileProgress direction.
             * @member {mesh.v1.Direction} direction
             * @memberof mesh.v1.FileProgress
             * @instance
             */
            FileProgress.prototype.direction = 0;

            /**
             * FileProgress bytesDone.
             * @member {number} bytesDone
             * @memberof mesh.v1.FileProgress
             * @instance
             */
            FileProgress.prototype.bytesDone = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * FileProgress size.
             * @member {number} size
             * @memberof mesh.v1.FileProgress
             * @instance
             */
            FileProgress.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * FileProgress chunksDone.
             * @member {number} chunksDone
             * @memberof mesh.v1.FileProgress
             * @instance
             */
            FileProgress.prototype.chunksDone = 0;

            /**
             * FileProgress totalChunks.
             * @member {number} totalChunks
             * @memberof mesh.v1.FileProgress
             * @instance
             */
            FileProgress.prototype.totalChunks = 0;

            /**
             * FileProgress senderId.
             * @member {string} senderId
             * @memberof mesh.v1.FileProgress
             * @instance
             */
            FileProgress.prototype.senderId = "";

            /**
             * FileProgress senderName.
             * @member {string} senderName
             * @memberof mesh.v1.FileProgress
             * @instance
             */
            FileProgress.prototype.senderName = "";

            /**
             * Creates a new FileProgress instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileProgress
             * @static
             * @param {mesh.v1.FileProgress.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileProgress} FileProgress instance
             * @type {{
             *   (properties: mesh.v1.FileProgress.$Shape): mesh.v1.FileProgress & mesh.v1.FileProgress.$Shape;
             *   (properties?: mesh.v1.FileProgress.$Properties): mesh.v1.FileProgress;
             * }}
             */
            FileProgress.create = function(properties) {
                return new FileProgress(properties);
            };

            /**
             * Encodes the specified FileProgress message. Does not implicitly {@link mesh.v1.FileProgress.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileProgress
             * @static
             * @param {mesh.v1.FileProgress.$Properties} message FileProgress message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileProgress.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.fileId != null && $Object.hasOwnProperty.call(message, "fileId") && message.fileId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.fileId);
                if (message.filename != null && $Object.hasOwnProperty.call(message, "filename") && message.filename !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.filename);
                if (message.direction != null && $Object.hasOwnProperty.call(message, "direction") && message.direction !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.direction);
                if (message.bytesDone != null && $Object.hasOwnProperty.call(message, "bytesDone") && (typeof message.bytesDone === "object" ? message.bytesDone.low || message.bytesDone.high : message.bytesDone !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.bytesDone);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.size);
                if (message.chunksDone != null && $Object.hasOwnProperty.call(message, "chunksDone") && message.chunksDone !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.chunksDone);
                if (message.totalChunks != null && $Object.hasOwnProperty.call(message, "totalChunks") && message.totalChunks !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.totalChunks);
                if (message.senderId != null && $Object.hasOwnProperty.call(message, "senderId") && message.senderId !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.senderId);
                if (message.senderName != null && $Object.hasOwnProperty.call(message, "senderName") && message.senderName !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.senderName);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileProgress message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileProgress
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileProgress & mesh.v1.FileProgress.$Shape} FileProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileProgress.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileProgress();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fileId = value;
                            else
                                delete message.fileId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.filename = value;
                            else
                                delete message.filename;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.direction = value;
                            else
                                delete message.direction;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.bytesDone = value;
                            else
                                delete message.bytesDone;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.chunksDone = value;
                            else
                                delete message.chunksDone;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.totalChunks = value;
                            else
                                delete message.totalChunks;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.senderId = value;
                            else
                                delete message.senderId;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.senderName = value;
                            else
                                delete message.senderName;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileProgress
             * @function getTypeUrl
             * @memberof mesh.v1.FileProgress
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileProgress.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileProgress";
            };

            return FileProgress;
        })();

        v1.FileReceived = (function() {

            /**
             * Properties of a FileReceived.
             * @typedef {Object} mesh.v1.FileReceived.$Properties
             * @property {string|null} [fileId] FileReceived fileId
             * @property {string|null} [filename] FileReceived filename
             * @property {number|null} [size] FileReceived size
             * @property {string|null} [sha256] FileReceived sha256
             * @property {string|null} [senderId] FileReceived senderId
             * @property {string|null} [senderName] FileReceived senderName
             * @property {boolean|null} [authenticated] FileReceived authenticated
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileReceived.
             * @memberof mesh.v1
             * @interface IFileReceived
             * @augments mesh.v1.FileReceived.$Properties
             * @deprecated Use mesh.v1.FileReceived.$Properties instead.
             */

            /**
             * Shape of a FileReceived.
             * @typedef {mesh.v1.FileReceived.$Properties} mesh.v1.FileReceived.$Shape
             */

            /**
             * Constructs a new FileReceived.
             * @memberof mesh.v1
             * @classdesc Represents a FileReceived.
             * @constructor
             * @param {mesh.v1.FileReceived.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileReceived = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileReceived fileId.
             * @member {string} fileId
             * @memberof mesh.v1.FileReceived
             * @instance
             */
            FileReceived.prototype.fileId = "";

            /**
             * FileReceived filename.
             * @member {string} filename
             * @memberof mesh.v1.FileReceived
             * @instance
             */
            FileReceived.prototype.filename = "";

            /**
             * FileReceived size.
             * @member {number} size
             * @memberof mesh.v1.FileReceived
             * @instance
             */
            FileReceived.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * FileReceived sha256.
             * @member {string} sha256
             * @memberof mesh.v1.FileReceived
             * @instance
             */
            FileReceived.prototype.sha256 = "";

            /**
             * FileReceived senderId.
             * @member {string} senderId
             * @memberof mesh.v1.FileReceived
             * @instance
             */
            FileReceived.prototype.senderId = "";

            /**
             * FileReceived senderName.
             * @member {string} senderName
             * @memberof mesh.v1.FileReceived
             * @instance
             */
            FileReceived.prototype.senderName = "";

            /**
             * FileReceived authenticated.
             * @member {boolean} authenticated
             * @memberof mesh.v1.FileReceived
             * @instance
             */
            FileReceived.prototype.authenticated = false;

            /**
             * Creates a new FileReceived instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileReceived
             * @static
             * @param {mesh.v1.FileReceived.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileReceived} FileReceived instance
             * @type {{
             *   (properties: mesh.v1.FileReceived.$Shape): mesh.v1.FileReceived & mesh.v1.FileReceived.$Shape;
             *   (properties?: mesh.v1.FileReceived.$Properties): mesh.v1.FileReceived;
             * }}
             */
            FileReceived.create = function(properties) {
                return new FileReceived(properties);
            };

            /**
             * Encodes the specified FileReceived message. Does not implicitly {@link mesh.v1.FileReceived.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileReceived
             * @static
             * @param {mesh.v1.FileReceived.$Properties} message FileReceived message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileReceived.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.fileId != null && $Object.hasOwnProperty.call(message, "fileId") && message.fileId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.fileId);
                if (message.filename != null && $Object.hasOwnProperty.call(message, "filename") && message.filename !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.filename);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.size);
                if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256") && message.sha256 !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.sha256);
                if (message.senderId != null && $Object.hasOwnProperty.call(message, "senderId") && message.senderId !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.senderId);
                if (message.senderName != null && $Object.hasOwnProperty.call(message, "senderName") && message.senderName !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.senderName);
                if (message.authenticated != null && $Object.hasOwnProperty.call(message, "authenticated") && message.authenticated !== false)
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.authenticated);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileReceived message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileReceived
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileReceived & mesh.v1.FileReceived.$Shape} FileReceived
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileReceived.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileReceived();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fileId = value;
                            else
                                delete message.fileId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.filename = value;
                            else
                                delete message.filename;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sha256 = value;
                            else
                                delete message.sha256;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.senderId = value;
                            else
                                delete message.senderId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.senderName = value;
                            else
                                delete message.senderName;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.authenticated = value;
                            else
                                delete message.authenticated;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileReceived
             * @function getTypeUrl
             * @memberof mesh.v1.FileReceived
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileReceived.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileReceived";
            };

            return FileReceived;
        })();

        v1.FileFailed = (function() {

            /**
             * Properties of a FileFailed.
             * @typedef {Object} mesh.v1.FileFailed.$Properties
             * @property {string|null} [fileId] FileFailed fileId
             * @property {string|null} [filename] FileFailed filename
             * @property {mesh.v1.Direction|null} [direction] FileFailed direction
             * @property {string|null} [reason] FileFailed reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileFailed.
             * @memberof mesh.v1
             * @interface IFileFailed
             * @augments mesh.v1.FileFailed.$Properties
             * @deprecated Use mesh.v1.FileFailed.$Properties instead.
             */

            /**
             * Shape of a FileFailed.
             * @typedef {mesh.v1.FileFailed.$Properties} mesh.v1.FileFailed.$Shape
             */

            /**
             * Constructs a new FileFailed.
             * @memberof mesh.v1
             * @classdesc Represents a FileFailed.
             * @constructor
             * @param {mesh.v1.FileFailed.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileFailed = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileFailed fileId.
             * @member {string} fileId
             * @memberof mesh.v1.FileFailed
             * @instance
             */
            FileFailed.prototype.fileId = "";

            /**
             * FileFailed filename.
             * @member {string} filename
             * @memberof mesh.v1.FileFailed
             * @instance
             */
            FileFailed.prototype.filename = "";

            /**
             * FileFailed direction.
             * @member {mesh.v1.Direction} direction
             * @memberof mesh.v1.FileFailed
             * @instance
             */
            FileFailed.prototype.direction = 0;

            /**
             * FileFailed reason.
             * @member {string} reason
             * @memberof mesh.v1.FileFailed
             * @instance
             */
            FileFailed.prototype.reason = "";

            /**
             * Creates a new FileFailed instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileFailed
             * @static
             * @param {mesh.v1.FileFailed.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileFailed} FileFailed instance
             * @type {{
             *   (properties: mesh.v1.FileFailed.$Shape): mesh.v1.FileFailed & mesh.v1.FileFailed.$Shape;
             *   (properties?: mesh.v1.FileFailed.$Properties): mesh.v1.FileFailed;
             * }}
             */
            FileFailed.create = function(properties) {
                return new FileFailed(properties);
            };

            /**
             * Encodes the specified FileFailed message. Does not implicitly {@link mesh.v1.FileFailed.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileFailed
             * @static
             * @param {mesh.v1.FileFailed.$Properties} message FileFailed message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileFailed.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.fileId != null && $Object.hasOwnProperty.call(message, "fileId") && message.fileId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.fileId);
                if (message.filename != null && $Object.hasOwnProperty.call(message, "filename") && message.filename !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.filename);
                if (message.direction != null && $Object.hasOwnProperty.call(message, "direction") && message.direction !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.direction);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileFailed message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileFailed
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileFailed & mesh.v1.FileFailed.$Shape} FileFailed
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileFailed.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileFailed();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fileId = value;
                            else
                                delete message.fileId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.filename = value;
                            else
                                delete message.filename;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.direction = value;
                            else
                                delete message.direction;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileFailed
             * @function getTypeUrl
             * @memberof mesh.v1.FileFailed
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileFailed.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileFailed";
            };

            return FileFailed;
        })();

        v1.FileSent = (function() {

            /**
             * Properties of a FileSent.
             * @typedef {Object} mesh.v1.FileSent.$Properties
             * @property {string|null} [fileId] FileSent fileId
             * @property {string|null} [filename] FileSent filename
             * @property {number|null} [size] FileSent size
             * @property {Array.<mesh.v1.PeerOutcome.$Properties>|null} [peers] FileSent peers
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileSent.
             * @memberof mesh.v1
             * @interface IFileSent
             * @augments mesh.v1.FileSent.$Properties
             * @deprecated Use mesh.v1.FileSent.$Properties instead.
             */

            /**
             * Shape of a FileSent.
             * @typedef {mesh.v1.FileSent.$Properties} mesh.v1.FileSent.$Shape
             */

            /**
             * Constructs a new FileSent.
             * @memberof mesh.v1
             * @classdesc Represents a FileSent.
             * @constructor
             * @param {mesh.v1.FileSent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileSent = function (properties) {
                this.peers = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileSent fileId.
             * @member {string} fileId
             * @memberof mesh.v1.FileSent
             * @instance
             */
            FileSent.prototype.fileId = "";

            /**
             * FileSent filename.
             * @member {string} filename
             * @memberof mesh.v1.FileSent
             * @instance
             */
            FileSent.prototype.filename = "";

            /**
             * FileSent size.
             * @member {number} size
             * @memberof mesh.v1.FileSent
             * @instance
             */
            FileSent.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * FileSent peers.
             * @member {Array.<mesh.v1.PeerOutcome.$Properties>} peers
             * @memberof mesh.v1.FileSent
             * @instance
             */
            FileSent.prototype.peers = $util.emptyArray;

            /**
             * Creates a new FileSent instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileSent
             * @static
             * @param {mesh.v1.FileSent.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileSent} FileSent instance
             * @type {{
             *   (properties: mesh.v1.FileSent.$Shape): mesh.v1.FileSent & mesh.v1.FileSent.$Shape;
             *   (properties?: mesh.v1.FileSent.$Properties): mesh.v1.FileSent;
             * }}
             */
            FileSent.create = function(properties) {
                return new FileSent(properties);
            };

            /**
             * Encodes the specified FileSent message. Does not implicitly {@link mesh.v1.FileSent.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileSent
             * @static
             * @param {mesh.v1.FileSent.$Properties} message FileSent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileSent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.fileId != null && $Object.hasOwnProperty.call(message, "fileId") && message.fileId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.fileId);
                if (message.filename != null && $Object.hasOwnProperty.call(message, "filename") && message.filename !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.filename);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.size);
                if (message.peers != null && message.peers.length)
                    for (let i = 0; i < message.peers.length; ++i)
                        $root.mesh.v1.PeerOutcome.encode(message.peers[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileSent message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileSent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileSent & mesh.v1.FileSent.$Shape} FileSent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileSent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileSent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fileId = value;
                            else
                                delete message.fileId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.filename = value;
                            else
                                delete message.filename;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.peers && message.peers.length))
                                message.peers = [];
                            message.peers.push($root.mesh.v1.PeerOutcome.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileSent
             * @function getTypeUrl
             * @memberof mesh.v1.FileSent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileSent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileSent";
            };

            return FileSent;
        })();

        v1.PeerOutcome = (function() {

            /**
             * Properties of a PeerOutcome.
             * @typedef {Object} mesh.v1.PeerOutcome.$Properties
             * @property {mesh.v1.PeerRef.$Properties|null} [peer] PeerOutcome peer
             * @property {boolean|null} [ok] PeerOutcome ok
             * @property {string|null} [error] PeerOutcome error
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PeerOutcome.
             * @memberof mesh.v1
             * @interface IPeerOutcome
             * @augments mesh.v1.PeerOutcome.$Properties
             * @deprecated Use mesh.v1.PeerOutcome.$Properties instead.
             */

            /**
             * Shape of a PeerOutcome.
             * @typedef {mesh.v1.PeerOutcome.$Properties} mesh.v1.PeerOutcome.$Shape
             */

            /**
             * Constructs a new PeerOutcome.
             * @memberof mesh.v1
             * @classdesc Represents a PeerOutcome.
             * @constructor
             * @param {mesh.v1.PeerOutcome.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PeerOutcome = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PeerOutcome peer.
             * @member {mesh.v1.PeerRef.$Properties|null|undefined} peer
             * @memberof mesh.v1.PeerOutcome
             * @instance
             */
            PeerOutcome.prototype.peer = null;

            /**
             * PeerOutcome ok.
             * @member {boolean} ok
             * @memberof mesh.v1.PeerOutcome
             * @instance
             */
            PeerOutcome.prototype.ok = false;

            /**
             * PeerOutcome error.
             * @member {string} error
             * @memberof mesh.v1.PeerOutcome
             * @instance
             */
            PeerOutcome.prototype.error = "";

            /**
             * Creates a new PeerOutcome instance using the specified properties.
             * @function create
             * @memberof mesh.v1.PeerOutcome
             * @static
             * @param {mesh.v1.PeerOutcome.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.PeerOutcome} PeerOutcome instance
             * @type {{
             *   (properties: mesh.v1.PeerOutcome.$Shape): mesh.v1.PeerOutcome & mesh.v1.PeerOutcome.$Shape;
             *   (properties?: mesh.v1.PeerOutcome.$Properties): mesh.v1.PeerOutcome;
             * }}
             */
            PeerOutcome.create = function(properties) {
                return new PeerOutcome(properties);
            };

            /**
             * Encodes the specified PeerOutcome message. Does not implicitly {@link mesh.v1.PeerOutcome.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.PeerOutcome
             * @static
             * @param {mesh.v1.PeerOutcome.$Properties} message PeerOutcome message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PeerOutcome.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.peer != null && $Object.hasOwnProperty.call(message, "peer"))
                    $root.mesh.v1.PeerRef.encode(message.peer, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok") && message.ok !== false)
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.ok);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.error);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PeerOutcome message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.PeerOutcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.PeerOutcome & mesh.v1.PeerOutcome.$Shape} PeerOutcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PeerOutcome.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.PeerOutcome();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.peer = $root.mesh.v1.PeerRef.decode(reader, reader.size(), $undefined, _depth + 1, message.peer);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.ok = value;
                            else
                                delete message.ok;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for PeerOutcome
             * @function getTypeUrl
             * @memberof mesh.v1.PeerOutcome
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PeerOutcome.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.PeerOutcome";
            };

            return PeerOutcome;
        })();

        v1.FileDownloadRequest = (function() {

            /**
             * Properties of a FileDownloadRequest.
             * @typedef {Object} mesh.v1.FileDownloadRequest.$Properties
             * @property {string|null} [streamId] FileDownloadRequest streamId
             * @property {string|null} [filename] FileDownloadRequest filename
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileDownloadRequest.
             * @memberof mesh.v1
             * @interface IFileDownloadRequest
             * @augments mesh.v1.FileDownloadRequest.$Properties
             * @deprecated Use mesh.v1.FileDownloadRequest.$Properties instead.
             */

            /**
             * Shape of a FileDownloadRequest.
             * @typedef {mesh.v1.FileDownloadRequest.$Properties} mesh.v1.FileDownloadRequest.$Shape
             */

            /**
             * Constructs a new FileDownloadRequest.
             * @memberof mesh.v1
             * @classdesc Represents a FileDownloadRequest.
             * @constructor
             * @param {mesh.v1.FileDownloadRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileDownloadRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileDownloadRequest streamId.
             * @member {string} streamId
             * @memberof mesh.v1.FileDownloadRequest
             * @instance
             */
            FileDownloadRequest.prototype.streamId = "";

            /**
             * FileDownloadRequest filename.
             * @member {string} filename
             * @memberof mesh.v1.FileDownloadRequest
             * @instance
             */
            FileDownloadRequest.prototype.filename = "";

            /**
             * Creates a new FileDownloadRequest instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileDownloadRequest
             * @static
             * @param {mesh.v1.FileDownloadRequest.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileDownloadRequest} FileDownloadRequest instance
             * @type {{
             *   (properties: mesh.v1.FileDownloadRequest.$Shape): mesh.v1.FileDownloadRequest & mesh.v1.FileDownloadRequest.$Shape;
             *   (properties?: mesh.v1.FileDownloadRequest.$Properties): mesh.v1.FileDownloadRequest;
             * }}
             */
            FileDownloadRequest.create = function(properties) {
                return new FileDownloadRequest(properties);
            };

            /**
             * Encodes the specified FileDownloadRequest message. Does not implicitly {@link mesh.v1.FileDownloadRequest.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileDownloadRequest
             * @static
             * @param {mesh.v1.FileDownloadRequest.$Properties} message FileDownloadRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileDownloadRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.streamId);
                if (message.filename != null && $Object.hasOwnProperty.call(message, "filename") && message.filename !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.filename);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileDownloadRequest message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileDownloadRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileDownloadRequest & mesh.v1.FileDownloadRequest.$Shape} FileDownloadRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileDownloadRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileDownloadRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.streamId = value;
                            else
                                delete message.streamId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.filename = value;
                            else
                                delete message.filename;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileDownloadRequest
             * @function getTypeUrl
             * @memberof mesh.v1.FileDownloadRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileDownloadRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileDownloadRequest";
            };

            return FileDownloadRequest;
        })();

        v1.FileDownloadReply = (function() {

            /**
             * Properties of a FileDownloadReply.
             * @typedef {Object} mesh.v1.FileDownloadReply.$Properties
             * @property {number|null} [size] FileDownloadReply size
             * @property {string|null} [error] FileDownloadReply error
             * @property {boolean|null} [notFound] FileDownloadReply notFound
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileDownloadReply.
             * @memberof mesh.v1
             * @interface IFileDownloadReply
             * @augments mesh.v1.FileDownloadReply.$Properties
             * @deprecated Use mesh.v1.FileDownloadReply.$Properties instead.
             */

            /**
             * Shape of a FileDownloadReply.
             * @typedef {mesh.v1.FileDownloadReply.$Properties} mesh.v1.FileDownloadReply.$Shape
             */

            /**
             * Constructs a new FileDownloadReply.
             * @memberof mesh.v1
             * @classdesc Represents a FileDownloadReply.
             * @constructor
             * @param {mesh.v1.FileDownloadReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileDownloadReply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileDownloadReply size.
             * @member {number} size
             * @memberof mesh.v1.FileDownloadReply
             * @instance
             */
            FileDownloadReply.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * FileDownloadReply error.
             * @member {string} error
             * @memberof mesh.v1.FileDownloadReply
             * @instance
             */
            FileDownloadReply.prototype.error = "";

            /**
             * FileDownloadReply notFound.
             * @member {boolean} notFound
             * @memberof mesh.v1.FileDownloadReply
             * @instance
             */
            FileDownloadReply.prototype.notFound = false;

            /**
             * Creates a new FileDownloadReply instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileDownloadReply
             * @static
             * @param {mesh.v1.FileDownloadReply.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileDownloadReply} FileDownloadReply instance
             * @type {{
             *   (properties: mesh.v1.FileDownloadReply.$Shape): mesh.v1.FileDownloadReply & mesh.v1.FileDownloadReply.$Shape;
             *   (properties?: mesh.v1.FileDownloadReply.$Properties): mesh.v1.FileDownloadReply;
             * }}
             */
            FileDownloadReply.create = function(properties) {
                return new FileDownloadReply(properties);
            };

            /**
             * Encodes the specified FileDownloadReply message. Does not implicitly {@link mesh.v1.FileDownloadReply.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileDownloadReply
             * @static
             * @param {mesh.v1.FileDownloadReply.$Properties} message FileDownloadReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileDownloadReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.size);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.error);
                if (message.notFound != null && $Object.hasOwnProperty.call(message, "notFound") && message.notFound !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.notFound);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileDownloadReply message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileDownloadReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileDownloadReply & mesh.v1.FileDownloadReply.$Shape} FileDownloadReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileDownloadReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileDownloadReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.notFound = value;
                            else
                                delete message.notFound;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileDownloadReply
             * @function getTypeUrl
             * @memberof mesh.v1.FileDownloadReply
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileDownloadReply.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileDownloadReply";
            };

            return FileDownloadReply;
        })();

        v1.FilesListRequest = (function() {

            /**
             * Properties of a FilesListRequest.
             * @typedef {Object} mesh.v1.FilesListRequest.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FilesListRequest.
             * @memberof mesh.v1
             * @interface IFilesListRequest
             * @augments mesh.v1.FilesListRequest.$Properties
             * @deprecated Use mesh.v1.FilesListRequest.$Properties instead.
             */

            /**
             * Shape of a FilesListRequest.
             * @typedef {mesh.v1.FilesListRequest.$Properties} mesh.v1.FilesListRequest.$Shape
             */

            /**
             * Constructs a new FilesListRequest.
             * @memberof mesh.v1
             * @classdesc Represents a FilesListRequest.
             * @constructor
             * @param {mesh.v1.FilesListRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FilesListRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Creates a new FilesListRequest instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FilesListRequest
             * @static
             * @param {mesh.v1.FilesListRequest.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FilesListRequest} FilesListRequest instance
             * @type {{
             *   (properties: mesh.v1.FilesListRequest.$Shape): mesh.v1.FilesListRequest & mesh.v1.FilesListRequest.$Shape;
             *   (properties?: mesh.v1.FilesListRequest.$Properties): mesh.v1.FilesListRequest;
             * }}
             */
            FilesListRequest.create = function(properties) {
                return new FilesListRequest(properties);
            };

            /**
             * Encodes the specified FilesListRequest message. Does not implicitly {@link mesh.v1.FilesListRequest.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FilesListRequest
             * @static
             * @param {mesh.v1.FilesListRequest.$Properties} message FilesListRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FilesListRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FilesListRequest message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FilesListRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FilesListRequest & mesh.v1.FilesListRequest.$Shape} FilesListRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FilesListRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FilesListRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FilesListRequest
             * @function getTypeUrl
             * @memberof mesh.v1.FilesListRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FilesListRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FilesListRequest";
            };

            return FilesListRequest;
        })();

        v1.StoredFile = (function() {

            /**
             * Properties of a StoredFile.
             * @typedef {Object} mesh.v1.StoredFile.$Properties
             * @property {string|null} [filename] StoredFile filename
             * @property {number|null} [size] StoredFile size
             * @property {number|null} [modified] StoredFile modified
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StoredFile.
             * @memberof mesh.v1
             * @interface IStoredFile
             * @augments mesh.v1.StoredFile.$Properties
             * @deprecated Use mesh.v1.StoredFile.$Properties instead.
             */

            /**
             * Shape of a StoredFile.
             * @typedef {mesh.v1.StoredFile.$Properties} mesh.v1.StoredFile.$Shape
             */

            /**
             * Constructs a new StoredFile.
             * @memberof mesh.v1
             * @classdesc Represents a StoredFile.
             * @constructor
             * @param {mesh.v1.StoredFile.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StoredFile = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StoredFile filename.
             * @member {string} filename
             * @memberof mesh.v1.StoredFile
             * @instance
             */
            StoredFile.prototype.filename = "";

            /**
             * StoredFile size.
             * @member {number} size
             * @memberof mesh.v1.StoredFile
             * @instance
             */
            StoredFile.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StoredFile modified.
             * @member {number} modified
             * @memberof mesh.v1.StoredFile
             * @instance
             */
            StoredFile.prototype.modified = 0;

            /**
             * Creates a new StoredFile instance using the specified properties.
             * @function create
             * @memberof mesh.v1.StoredFile
             * @static
             * @param {mesh.v1.StoredFile.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.StoredFile} StoredFile instance
             * @type {{
             *   (properties: mesh.v1.StoredFile.$Shape): mesh.v1.StoredFile & mesh.v1.StoredFile.$Shape;
             *   (properties?: mesh.v1.StoredFile.$Properties): mesh.v1.StoredFile;
             * }}
             */
            StoredFile.create = function(properties) {
                return new StoredFile(properties);
            };

            /**
             * Encodes the specified StoredFile message. Does not implicitly {@link mesh.v1.StoredFile.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.StoredFile
             * @static
             * @param {mesh.v1.StoredFile.$Properties} message StoredFile message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StoredFile.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.filename != null && $Object.hasOwnProperty.call(message, "filename") && message.filename !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.filename);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.size);
                if (message.modified != null && $Object.hasOwnProperty.call(message, "modified") && !$Object.is(message.modified, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.modified);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StoredFile message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.StoredFile
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.StoredFile & mesh.v1.StoredFile.$Shape} StoredFile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StoredFile.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.StoredFile();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.filename = value;
                            else
                                delete message.filename;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.modified = value;
                            else
                                delete message.modified;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for StoredFile
             * @function getTypeUrl
             * @memberof mesh.v1.StoredFile
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StoredFile.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.StoredFile";
            };

            return StoredFile;
        })();

        v1.FileList = (function() {

            /**
             * Properties of a FileList.
             * @typedef {Object} mesh.v1.FileList.$Properties
             * @property {Array.<mesh.v1.StoredFile.$Properties>|null} [files] FileList files
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileList.
             * @memberof mesh.v1
             * @interface IFileList
             * @augments mesh.v1.FileList.$Properties
             * @deprecated Use mesh.v1.FileList.$Properties instead.
             */

            /**
             * Shape of a FileList.
             * @typedef {mesh.v1.FileList.$Properties} mesh.v1.FileList.$Shape
             */

            /**
             * Constructs a new FileList.
             * @memberof mesh.v1
             * @classdesc Represents a FileList.
             * @constructor
             * @param {mesh.v1.FileList.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileList = function (properties) {
                this.files = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileList files.
             * @member {Array.<mesh.v1.StoredFile.$Properties>} files
             * @memberof mesh.v1.FileList
             * @instance
             */
            FileList.prototype.files = $util.emptyArray;

            /**
             * Creates a new FileList instance using the specified properties.
             * @function create
             * @memberof mesh.v1.FileList
             * @static
             * @param {mesh.v1.FileList.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.FileList} FileList instance
             * @type {{
             *   (properties: mesh.v1.FileList.$Shape): mesh.v1.FileList & mesh.v1.FileList.$Shape;
             *   (properties?: mesh.v1.FileList.$Properties): mesh.v1.FileList;
             * }}
             */
            FileList.create = function(properties) {
                return new FileList(properties);
            };

            /**
             * Encodes the specified FileList message. Does not implicitly {@link mesh.v1.FileList.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.FileList
             * @static
             * @param {mesh.v1.FileList.$Properties} message FileList message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileList.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.files != null && message.files.length)
                    for (let i = 0; i < message.files.length; ++i)
                        $root.mesh.v1.StoredFile.encode(message.files[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileList message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.FileList
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.FileList & mesh.v1.FileList.$Shape} FileList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileList.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.FileList();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.files && message.files.length))
                                message.files = [];
                            message.files.push($root.mesh.v1.StoredFile.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for FileList
             * @function getTypeUrl
             * @memberof mesh.v1.FileList
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileList.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.FileList";
            };

            return FileList;
        })();

        v1.StreamData = (function() {

            /**
             * Properties of a StreamData.
             * @typedef {Object} mesh.v1.StreamData.$Properties
             * @property {number|null} [seq] StreamData seq
             * @property {Uint8Array|null} [data] StreamData data
             * @property {boolean|null} [end] StreamData end
             * @property {string|null} [error] StreamData error
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StreamData.
             * @memberof mesh.v1
             * @interface IStreamData
             * @augments mesh.v1.StreamData.$Properties
             * @deprecated Use mesh.v1.StreamData.$Properties instead.
             */

            /**
             * Shape of a StreamData.
             * @typedef {mesh.v1.StreamData.$Properties} mesh.v1.StreamData.$Shape
             */

            /**
             * Constructs a new StreamData.
             * @memberof mesh.v1
             * @classdesc Represents a StreamData.
             * @constructor
             * @param {mesh.v1.StreamData.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StreamData = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StreamData seq.
             * @member {number} seq
             * @memberof mesh.v1.StreamData
             * @instance
             */
            StreamData.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StreamData data.
             * @member {Uint8Array} data
             * @memberof mesh.v1.StreamData
             * @instance
             */
            StreamData.prototype.data = $util.newBuffer([]);

            /**
             * StreamData end.
             * @member {boolean} end
             * @memberof mesh.v1.StreamData
             * @instance
             */
            StreamData.prototype.end = false;

            /**
             * StreamData error.
             * @member {string} error
             * @memberof mesh.v1.StreamData
             * @instance
             */
            StreamData.prototype.error = "";

            /**
             * Creates a new StreamData instance using the specified properties.
             * @function create
             * @memberof mesh.v1.StreamData
             * @static
             * @param {mesh.v1.StreamData.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.StreamData} StreamData instance
             * @type {{
             *   (properties: mesh.v1.StreamData.$Shape): mesh.v1.StreamData & mesh.v1.StreamData.$Shape;
             *   (properties?: mesh.v1.StreamData.$Properties): mesh.v1.StreamData;
             * }}
             */
            StreamData.create = function(properties) {
                return new StreamData(properties);
            };

            /**
             * Encodes the specified StreamData message. Does not implicitly {@link mesh.v1.StreamData.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.StreamData
             * @static
             * @param {mesh.v1.StreamData.$Properties} message StreamData message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamData.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.data);
                if (message.end != null && $Object.hasOwnProperty.call(message, "end") && message.end !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.end);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.error);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StreamData message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.StreamData
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.StreamData & mesh.v1.StreamData.$Shape} StreamData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamData.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.StreamData();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.end = value;
                            else
                                delete message.end;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for StreamData
             * @function getTypeUrl
             * @memberof mesh.v1.StreamData
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StreamData.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.StreamData";
            };

            return StreamData;
        })();

        v1.StreamControl = (function() {

            /**
             * Properties of a StreamControl.
             * @typedef {Object} mesh.v1.StreamControl.$Properties
             * @property {number|null} [credit] StreamControl credit
             * @property {boolean|null} [done] StreamControl done
             * @property {string|null} [error] StreamControl error
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StreamControl.
             * @memberof mesh.v1
             * @interface IStreamControl
             * @augments mesh.v1.StreamControl.$Properties
             * @deprecated Use mesh.v1.StreamControl.$Properties instead.
             */

            /**
             * Shape of a StreamControl.
             * @typedef {mesh.v1.StreamControl.$Properties} mesh.v1.StreamControl.$Shape
             */

            /**
             * Constructs a new StreamControl.
             * @memberof mesh.v1
             * @classdesc Represents a StreamControl.
             * @constructor
             * @param {mesh.v1.StreamControl.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StreamControl = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StreamControl credit.
             * @member {number} credit
             * @memberof mesh.v1.StreamControl
             * @instance
             */
            StreamControl.prototype.credit = 0;

            /**
             * StreamControl done.
             * @member {boolean} done
             * @memberof mesh.v1.StreamControl
             * @instance
             */
            StreamControl.prototype.done = false;

            /**
             * StreamControl error.
             * @member {string} error
             * @memberof mesh.v1.StreamControl
             * @instance
             */
            StreamControl.prototype.error = "";

            /**
             * Creates a new StreamControl instance using the specified properties.
             * @function create
             * @memberof mesh.v1.StreamControl
             * @static
             * @param {mesh.v1.StreamControl.$Properties=} [properties] Properties to set
             * @returns {mesh.v1.StreamControl} StreamControl instance
             * @type {{
             *   (properties: mesh.v1.StreamControl.$Shape): mesh.v1.StreamControl & mesh.v1.StreamControl.$Shape;
             *   (properties?: mesh.v1.StreamControl.$Properties): mesh.v1.StreamControl;
             * }}
             */
            StreamControl.create = function(properties) {
                return new StreamControl(properties);
            };

            /**
             * Encodes the specified StreamControl message. Does not implicitly {@link mesh.v1.StreamControl.verify|verify} messages.
             * @function encode
             * @memberof mesh.v1.StreamControl
             * @static
             * @param {mesh.v1.StreamControl.$Properties} message StreamControl message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamControl.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.credit != null && $Object.hasOwnProperty.call(message, "credit") && message.credit !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.credit);
                if (message.done != null && $Object.hasOwnProperty.call(message, "done") && message.done !== false)
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.done);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.error);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StreamControl message from the specified reader or buffer.
             * @function decode
             * @memberof mesh.v1.StreamControl
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mesh.v1.StreamControl & mesh.v1.StreamControl.$Shape} StreamControl
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamControl.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.mesh.v1.StreamControl();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.credit = value;
                            else
                                delete message.credit;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.done = value;
                            else
                                delete message.done;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for StreamControl
             * @function getTypeUrl
             * @memberof mesh.v1.StreamControl
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StreamControl.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mesh.v1.StreamControl";
            };

            return StreamControl;
        })();

        return v1;
    })();

    return mesh;
})();

export {
  $root as default
};
