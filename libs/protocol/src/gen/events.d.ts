import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace mesh. */
export namespace mesh {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of an Endpoint.
         * @deprecated Use mesh.v1.Endpoint.$Properties instead.
         */
        interface IEndpoint extends mesh.v1.Endpoint.$Properties {
        }

        /** Represents an Endpoint. */
        class Endpoint {

            /**
             * Constructs a new Endpoint.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.Endpoint.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Endpoint host. */
            host: string;

            /** Endpoint port. */
            port: number;

            /**
             * Creates a new Endpoint instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Endpoint instance
             */
            static create(properties: mesh.v1.Endpoint.$Shape): mesh.v1.Endpoint & mesh.v1.Endpoint.$Shape;
            static create(properties?: mesh.v1.Endpoint.$Properties): mesh.v1.Endpoint;

            /**
             * Encodes the specified Endpoint message. Does not implicitly {@link mesh.v1.Endpoint.verify|verify} messages.
             * @param message Endpoint message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.Endpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Endpoint message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.Endpoint & mesh.v1.Endpoint.$Shape} Endpoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.Endpoint & mesh.v1.Endpoint.$Shape;

            /**
             * Gets the type url for Endpoint
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Endpoint {

            /** Properties of an Endpoint. */
            interface $Properties {

                /** Endpoint host */
                host?: (string|null);

                /** Endpoint port */
                port?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Endpoint. */
            type $Shape = mesh.v1.Endpoint.$Properties;
        }

        /**
         * Properties of a Peer.
         * @deprecated Use mesh.v1.Peer.$Properties instead.
         */
        interface IPeer extends mesh.v1.Peer.$Properties {
        }

        /** Represents a Peer. */
        class Peer {

            /**
             * Constructs a new Peer.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.Peer.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Peer nodeId. */
            nodeId: string;

            /** Peer name. */
            name: string;

            /** Peer endpoint. */
            endpoint?: (mesh.v1.Endpoint.$Properties|null);

            /** Peer lastSeen. */
            lastSeen: number;

            /** Peer static. */
            static: boolean;

            /** Peer dialect. */
            dialect: string;

            /** Peer down. */
            down: boolean;

            /** Peer lastError. */
            lastError: string;

            /** Peer retryAt. */
            retryAt: number;

            /** Peer key. */
            key: Uint8Array;

            /** Peer fingerprint. */
            fingerprint: string;

            /** Peer v1Id. */
            v1Id: string;

            /** Peer linked. */
            linked: boolean;

            /** Peer gossip. */
            gossip: boolean;

            /**
             * Creates a new Peer instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Peer instance
             */
            static create(properties: mesh.v1.Peer.$Shape): mesh.v1.Peer & mesh.v1.Peer.$Shape;
            static create(properties?: mesh.v1.Peer.$Properties): mesh.v1.Peer;

            /**
             * Encodes the specified Peer message. Does not implicitly {@link mesh.v1.Peer.verify|verify} messages.
             * @param message Peer message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.Peer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Peer message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.Peer & mesh.v1.Peer.$Shape} Peer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.Peer & mesh.v1.Peer.$Shape;

            /**
             * Gets the type url for Peer
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Peer {

            /** Properties of a Peer. */
            interface $Properties {

                /** Peer nodeId */
                nodeId?: (string|null);

                /** Peer name */
                name?: (string|null);

                /** Peer endpoint */
                endpoint?: (mesh.v1.Endpoint.$Properties|null);

                /** Peer lastSeen */
                lastSeen?: (number|null);

                /** Peer static */
                "static"?: (boolean|null);

                /** Peer dialect */
                dialect?: (string|null);

                /** Peer down */
                down?: (boolean|null);

                /** Peer lastError */
                lastError?: (string|null);

                /** Peer retryAt */
                retryAt?: (number|null);

                /** Peer key */
                key?: (Uint8Array|null);

                /** Peer fingerprint */
                fingerprint?: (string|null);

                /** Peer v1Id */
                v1Id?: (string|null);

                /** Peer linked */
                linked?: (boolean|null);

                /** Peer gossip */
                gossip?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Peer. */
            type $Shape = mesh.v1.Peer.$Properties;
        }

        /**
         * Properties of a PeerRef.
         * @deprecated Use mesh.v1.PeerRef.$Properties instead.
         */
        interface IPeerRef extends mesh.v1.PeerRef.$Properties {
        }

        /** Represents a PeerRef. */
        class PeerRef {

            /**
             * Constructs a new PeerRef.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.PeerRef.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PeerRef nodeId. */
            nodeId: string;

            /** PeerRef endpoint. */
            endpoint?: (mesh.v1.Endpoint.$Properties|null);

            /**
             * Creates a new PeerRef instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PeerRef instance
             */
            static create(properties: mesh.v1.PeerRef.$Shape): mesh.v1.PeerRef & mesh.v1.PeerRef.$Shape;
            static create(properties?: mesh.v1.PeerRef.$Properties): mesh.v1.PeerRef;

            /**
             * Encodes the specified PeerRef message. Does not implicitly {@link mesh.v1.PeerRef.verify|verify} messages.
             * @param message PeerRef message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.PeerRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PeerRef message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.PeerRef & mesh.v1.PeerRef.$Shape} PeerRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.PeerRef & mesh.v1.PeerRef.$Shape;

            /**
             * Gets the type url for PeerRef
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PeerRef {

            /** Properties of a PeerRef. */
            interface $Properties {

                /** PeerRef nodeId */
                nodeId?: (string|null);

                /** PeerRef endpoint */
                endpoint?: (mesh.v1.Endpoint.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PeerRef. */
            type $Shape = mesh.v1.PeerRef.$Properties;
        }

        /**
         * Properties of a Chat.
         * @deprecated Use mesh.v1.Chat.$Properties instead.
         */
        interface IChat extends mesh.v1.Chat.$Properties {
        }

        /** Represents a Chat. */
        class Chat {

            /**
             * Constructs a new Chat.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.Chat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Chat messageId. */
            messageId: string;

            /** Chat senderId. */
            senderId: string;

            /** Chat senderName. */
            senderName: string;

            /** Chat timestamp. */
            timestamp: number;

            /** Chat content. */
            content: string;

            /** Chat hopLimit. */
            hopLimit: number;

            /** Chat hops. */
            hops: number;

            /** Chat originKey. */
            originKey: Uint8Array;

            /** Chat signature. */
            signature: Uint8Array;

            /**
             * Creates a new Chat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Chat instance
             */
            static create(properties: mesh.v1.Chat.$Shape): mesh.v1.Chat & mesh.v1.Chat.$Shape;
            static create(properties?: mesh.v1.Chat.$Properties): mesh.v1.Chat;

            /**
             * Encodes the specified Chat message. Does not implicitly {@link mesh.v1.Chat.verify|verify} messages.
             * @param message Chat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.Chat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Chat message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.Chat & mesh.v1.Chat.$Shape} Chat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.Chat & mesh.v1.Chat.$Shape;

            /**
             * Gets the type url for Chat
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Chat {

            /** Properties of a Chat. */
            interface $Properties {

                /** Chat messageId */
                messageId?: (string|null);

                /** Chat senderId */
                senderId?: (string|null);

                /** Chat senderName */
                senderName?: (string|null);

                /** Chat timestamp */
                timestamp?: (number|null);

                /** Chat content */
                content?: (string|null);

                /** Chat hopLimit */
                hopLimit?: (number|null);

                /** Chat hops */
                hops?: (number|null);

                /** Chat originKey */
                originKey?: (Uint8Array|null);

                /** Chat signature */
                signature?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Chat. */
            type $Shape = mesh.v1.Chat.$Properties;
        }

        /**
         * Properties of a FileMetadata.
         * @deprecated Use mesh.v1.FileMetadata.$Properties instead.
         */
        interface IFileMetadata extends mesh.v1.FileMetadata.$Properties {
        }

        /** Represents a FileMetadata. */
        class FileMetadata {

            /**
             * Constructs a new FileMetadata.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileMetadata.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileMetadata filename. */
            filename: string;

            /** FileMetadata fileSize. */
            fileSize: number;

            /** FileMetadata fileHash. */
            fileHash: string;

            /** FileMetadata totalChunks. */
            totalChunks: number;

            /**
             * Creates a new FileMetadata instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileMetadata instance
             */
            static create(properties: mesh.v1.FileMetadata.$Shape): mesh.v1.FileMetadata & mesh.v1.FileMetadata.$Shape;
            static create(properties?: mesh.v1.FileMetadata.$Properties): mesh.v1.FileMetadata;

            /**
             * Encodes the specified FileMetadata message. Does not implicitly {@link mesh.v1.FileMetadata.verify|verify} messages.
             * @param message FileMetadata message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileMetadata message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileMetadata & mesh.v1.FileMetadata.$Shape} FileMetadata
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileMetadata & mesh.v1.FileMetadata.$Shape;

            /**
             * Gets the type url for FileMetadata
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileMetadata {

            /** Properties of a FileMetadata. */
            interface $Properties {

                /** FileMetadata filename */
                filename?: (string|null);

                /** FileMetadata fileSize */
                fileSize?: (number|null);

                /** FileMetadata fileHash */
                fileHash?: (string|null);

                /** FileMetadata totalChunks */
                totalChunks?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileMetadata. */
            type $Shape = mesh.v1.FileMetadata.$Properties;
        }

        /**
         * Properties of a FileChunk.
         * @deprecated Use mesh.v1.FileChunk.$Properties instead.
         */
        interface IFileChunk extends mesh.v1.FileChunk.$Properties {
        }

        /** Represents a FileChunk. */
        class FileChunk {

            /**
             * Constructs a new FileChunk.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileChunk.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileChunk messageId. */
            messageId: string;

            /** FileChunk senderId. */
            senderId: string;

            /** FileChunk senderName. */
            senderName: string;

            /** FileChunk timestamp. */
            timestamp: number;

            /** FileChunk fileId. */
            fileId: string;

            /** FileChunk chunkIndex. */
            chunkIndex: number;

            /** FileChunk data. */
            data: Uint8Array;

            /** FileChunk metadata. */
            metadata?: (mesh.v1.FileMetadata.$Properties|null);

            /** FileChunk hopLimit. */
            hopLimit: number;

            /** FileChunk hops. */
            hops: number;

            /** FileChunk originKey. */
            originKey: Uint8Array;

            /** FileChunk signature. */
            signature: Uint8Array;

            /**
             * Creates a new FileChunk instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileChunk instance
             */
            static create(properties: mesh.v1.FileChunk.$Shape): mesh.v1.FileChunk & mesh.v1.FileChunk.$Shape;
            static create(properties?: mesh.v1.FileChunk.$Properties): mesh.v1.FileChunk;

            /**
             * Encodes the specified FileChunk message. Does not implicitly {@link mesh.v1.FileChunk.verify|verify} messages.
             * @param message FileChunk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileChunk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileChunk message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileChunk & mesh.v1.FileChunk.$Shape} FileChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileChunk & mesh.v1.FileChunk.$Shape;

            /**
             * Gets the type url for FileChunk
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileChunk {

            /** Properties of a FileChunk. */
            interface $Properties {

                /** FileChunk messageId */
                messageId?: (string|null);

                /** FileChunk senderId */
                senderId?: (string|null);

                /** FileChunk senderName */
                senderName?: (string|null);

                /** FileChunk timestamp */
                timestamp?: (number|null);

                /** FileChunk fileId */
                fileId?: (string|null);

                /** FileChunk chunkIndex */
                chunkIndex?: (number|null);

                /** FileChunk data */
                data?: (Uint8Array|null);

                /** FileChunk metadata */
                metadata?: (mesh.v1.FileMetadata.$Properties|null);

                /** FileChunk hopLimit */
                hopLimit?: (number|null);

                /** FileChunk hops */
                hops?: (number|null);

                /** FileChunk originKey */
                originKey?: (Uint8Array|null);

                /** FileChunk signature */
                signature?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileChunk. */
            type $Shape = mesh.v1.FileChunk.$Properties;
        }

        /**
         * Properties of a WireMessage.
         * @deprecated Use mesh.v1.WireMessage.$Properties instead.
         */
        interface IWireMessage extends mesh.v1.WireMessage.$Properties {
        }

        /** Represents a WireMessage. */
        class WireMessage {

            /**
             * Constructs a new WireMessage.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.WireMessage.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WireMessage chat. */
            chat?: (mesh.v1.Chat.$Properties|null);

            /** WireMessage fileChunk. */
            fileChunk?: (mesh.v1.FileChunk.$Properties|null);

            /** WireMessage body. */
            body?: ("chat"|"fileChunk");

            /**
             * Creates a new WireMessage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WireMessage instance
             */
            static create(properties: mesh.v1.WireMessage.$Shape): mesh.v1.WireMessage & mesh.v1.WireMessage.$Shape;
            static create(properties?: mesh.v1.WireMessage.$Properties): mesh.v1.WireMessage;

            /**
             * Encodes the specified WireMessage message. Does not implicitly {@link mesh.v1.WireMessage.verify|verify} messages.
             * @param message WireMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.WireMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WireMessage message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.WireMessage & mesh.v1.WireMessage.$Shape} WireMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.WireMessage & mesh.v1.WireMessage.$Shape;

            /**
             * Gets the type url for WireMessage
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace WireMessage {

            /** Properties of a WireMessage. */
            interface $Properties {

                /** WireMessage chat */
                chat?: (mesh.v1.Chat.$Properties|null);

                /** WireMessage fileChunk */
                fileChunk?: (mesh.v1.FileChunk.$Properties|null);

                /** WireMessage body */
                body?: ("chat"|"fileChunk");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a WireMessage. */
            type $Shape = {
              chat?: mesh.v1.Chat.$Shape|null;
              fileChunk?: mesh.v1.FileChunk.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; chat?: null; fileChunk?: null }|{ body?: "chat"; chat: mesh.v1.Chat.$Shape; fileChunk?: null }|{ body?: "fileChunk"; chat?: null; fileChunk: mesh.v1.FileChunk.$Shape })
            );
        }

        /**
         * Properties of a WireReceived.
         * @deprecated Use mesh.v1.WireReceived.$Properties instead.
         */
        interface IWireReceived extends mesh.v1.WireReceived.$Properties {
        }

        /** Represents a WireReceived. */
        class WireReceived {

            /**
             * Constructs a new WireReceived.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.WireReceived.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WireReceived message. */
            message?: (mesh.v1.WireMessage.$Properties|null);

            /** WireReceived from. */
            from?: (mesh.v1.Endpoint.$Properties|null);

            /** WireReceived receivedAt. */
            receivedAt: number;

            /** WireReceived via. */
            via: string;

            /**
             * Creates a new WireReceived instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WireReceived instance
             */
            static create(properties: mesh.v1.WireReceived.$Shape): mesh.v1.WireReceived & mesh.v1.WireReceived.$Shape;
            static create(properties?: mesh.v1.WireReceived.$Properties): mesh.v1.WireReceived;

            /**
             * Encodes the specified WireReceived message. Does not implicitly {@link mesh.v1.WireReceived.verify|verify} messages.
             * @param message WireReceived message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.WireReceived.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WireReceived message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.WireReceived & mesh.v1.WireReceived.$Shape} WireReceived
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.WireReceived & mesh.v1.WireReceived.$Shape;

            /**
             * Gets the type url for WireReceived
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace WireReceived {

            /** Properties of a WireReceived. */
            interface $Properties {

                /** WireReceived message */
                message?: (mesh.v1.WireMessage.$Properties|null);

                /** WireReceived from */
                from?: (mesh.v1.Endpoint.$Properties|null);

                /** WireReceived receivedAt */
                receivedAt?: (number|null);

                /** WireReceived via */
                via?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WireReceived. */
            type $Shape = {
              message?: mesh.v1.WireMessage.$Shape|null;
              from?: mesh.v1.Endpoint.$Shape|null;
              receivedAt?: number|null;
              via?: string|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a WireSend.
         * @deprecated Use mesh.v1.WireSend.$Properties instead.
         */
        interface IWireSend extends mesh.v1.WireSend.$Properties {
        }

        /** Represents a WireSend. */
        class WireSend {

            /**
             * Constructs a new WireSend.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.WireSend.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WireSend message. */
            message?: (mesh.v1.WireMessage.$Properties|null);

            /** WireSend targets. */
            targets: mesh.v1.PeerRef.$Properties[];

            /** WireSend report. */
            report: boolean;

            /**
             * Creates a new WireSend instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WireSend instance
             */
            static create(properties: mesh.v1.WireSend.$Shape): mesh.v1.WireSend & mesh.v1.WireSend.$Shape;
            static create(properties?: mesh.v1.WireSend.$Properties): mesh.v1.WireSend;

            /**
             * Encodes the specified WireSend message. Does not implicitly {@link mesh.v1.WireSend.verify|verify} messages.
             * @param message WireSend message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.WireSend.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WireSend message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.WireSend & mesh.v1.WireSend.$Shape} WireSend
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.WireSend & mesh.v1.WireSend.$Shape;

            /**
             * Gets the type url for WireSend
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace WireSend {

            /** Properties of a WireSend. */
            interface $Properties {

                /** WireSend message */
                message?: (mesh.v1.WireMessage.$Properties|null);

                /** WireSend targets */
                targets?: (mesh.v1.PeerRef.$Properties[]|null);

                /** WireSend report */
                report?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WireSend. */
            type $Shape = {
              message?: mesh.v1.WireMessage.$Shape|null;
              targets?: mesh.v1.PeerRef.$Shape[]|null;
              report?: boolean|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a Delivery.
         * @deprecated Use mesh.v1.Delivery.$Properties instead.
         */
        interface IDelivery extends mesh.v1.Delivery.$Properties {
        }

        /** Represents a Delivery. */
        class Delivery {

            /**
             * Constructs a new Delivery.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.Delivery.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Delivery peer. */
            peer?: (mesh.v1.PeerRef.$Properties|null);

            /** Delivery ok. */
            ok: boolean;

            /** Delivery error. */
            error: string;

            /** Delivery status. */
            status: string;

            /**
             * Creates a new Delivery instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Delivery instance
             */
            static create(properties: mesh.v1.Delivery.$Shape): mesh.v1.Delivery & mesh.v1.Delivery.$Shape;
            static create(properties?: mesh.v1.Delivery.$Properties): mesh.v1.Delivery;

            /**
             * Encodes the specified Delivery message. Does not implicitly {@link mesh.v1.Delivery.verify|verify} messages.
             * @param message Delivery message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.Delivery.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Delivery message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.Delivery & mesh.v1.Delivery.$Shape} Delivery
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.Delivery & mesh.v1.Delivery.$Shape;

            /**
             * Gets the type url for Delivery
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Delivery {

            /** Properties of a Delivery. */
            interface $Properties {

                /** Delivery peer */
                peer?: (mesh.v1.PeerRef.$Properties|null);

                /** Delivery ok */
                ok?: (boolean|null);

                /** Delivery error */
                error?: (string|null);

                /** Delivery status */
                status?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Delivery. */
            type $Shape = mesh.v1.Delivery.$Properties;
        }

        /**
         * Properties of a WireSendResult.
         * @deprecated Use mesh.v1.WireSendResult.$Properties instead.
         */
        interface IWireSendResult extends mesh.v1.WireSendResult.$Properties {
        }

        /** Represents a WireSendResult. */
        class WireSendResult {

            /**
             * Constructs a new WireSendResult.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.WireSendResult.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WireSendResult deliveries. */
            deliveries: mesh.v1.Delivery.$Properties[];

            /**
             * Creates a new WireSendResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WireSendResult instance
             */
            static create(properties: mesh.v1.WireSendResult.$Shape): mesh.v1.WireSendResult & mesh.v1.WireSendResult.$Shape;
            static create(properties?: mesh.v1.WireSendResult.$Properties): mesh.v1.WireSendResult;

            /**
             * Encodes the specified WireSendResult message. Does not implicitly {@link mesh.v1.WireSendResult.verify|verify} messages.
             * @param message WireSendResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.WireSendResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WireSendResult message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.WireSendResult & mesh.v1.WireSendResult.$Shape} WireSendResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.WireSendResult & mesh.v1.WireSendResult.$Shape;

            /**
             * Gets the type url for WireSendResult
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace WireSendResult {

            /** Properties of a WireSendResult. */
            interface $Properties {

                /** WireSendResult deliveries */
                deliveries?: (mesh.v1.Delivery.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WireSendResult. */
            type $Shape = mesh.v1.WireSendResult.$Properties;
        }

        /**
         * Properties of a WireDelivery.
         * @deprecated Use mesh.v1.WireDelivery.$Properties instead.
         */
        interface IWireDelivery extends mesh.v1.WireDelivery.$Properties {
        }

        /** Represents a WireDelivery. */
        class WireDelivery {

            /**
             * Constructs a new WireDelivery.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.WireDelivery.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WireDelivery messageId. */
            messageId: string;

            /** WireDelivery delivery. */
            delivery?: (mesh.v1.Delivery.$Properties|null);

            /**
             * Creates a new WireDelivery instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WireDelivery instance
             */
            static create(properties: mesh.v1.WireDelivery.$Shape): mesh.v1.WireDelivery & mesh.v1.WireDelivery.$Shape;
            static create(properties?: mesh.v1.WireDelivery.$Properties): mesh.v1.WireDelivery;

            /**
             * Encodes the specified WireDelivery message. Does not implicitly {@link mesh.v1.WireDelivery.verify|verify} messages.
             * @param message WireDelivery message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.WireDelivery.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WireDelivery message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.WireDelivery & mesh.v1.WireDelivery.$Shape} WireDelivery
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.WireDelivery & mesh.v1.WireDelivery.$Shape;

            /**
             * Gets the type url for WireDelivery
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace WireDelivery {

            /** Properties of a WireDelivery. */
            interface $Properties {

                /** WireDelivery messageId */
                messageId?: (string|null);

                /** WireDelivery delivery */
                delivery?: (mesh.v1.Delivery.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WireDelivery. */
            type $Shape = mesh.v1.WireDelivery.$Properties;
        }

        /**
         * Properties of a PeerChanged.
         * @deprecated Use mesh.v1.PeerChanged.$Properties instead.
         */
        interface IPeerChanged extends mesh.v1.PeerChanged.$Properties {
        }

        /** Represents a PeerChanged. */
        class PeerChanged {

            /**
             * Constructs a new PeerChanged.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.PeerChanged.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PeerChanged peer. */
            peer?: (mesh.v1.Peer.$Properties|null);

            /** PeerChanged reason. */
            reason: string;

            /**
             * Creates a new PeerChanged instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PeerChanged instance
             */
            static create(properties: mesh.v1.PeerChanged.$Shape): mesh.v1.PeerChanged & mesh.v1.PeerChanged.$Shape;
            static create(properties?: mesh.v1.PeerChanged.$Properties): mesh.v1.PeerChanged;

            /**
             * Encodes the specified PeerChanged message. Does not implicitly {@link mesh.v1.PeerChanged.verify|verify} messages.
             * @param message PeerChanged message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.PeerChanged.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PeerChanged message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.PeerChanged & mesh.v1.PeerChanged.$Shape} PeerChanged
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.PeerChanged & mesh.v1.PeerChanged.$Shape;

            /**
             * Gets the type url for PeerChanged
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PeerChanged {

            /** Properties of a PeerChanged. */
            interface $Properties {

                /** PeerChanged peer */
                peer?: (mesh.v1.Peer.$Properties|null);

                /** PeerChanged reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PeerChanged. */
            type $Shape = mesh.v1.PeerChanged.$Properties;
        }

        /**
         * Properties of a PeersListRequest.
         * @deprecated Use mesh.v1.PeersListRequest.$Properties instead.
         */
        interface IPeersListRequest extends mesh.v1.PeersListRequest.$Properties {
        }

        /** Represents a PeersListRequest. */
        class PeersListRequest {

            /**
             * Constructs a new PeersListRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.PeersListRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new PeersListRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PeersListRequest instance
             */
            static create(properties: mesh.v1.PeersListRequest.$Shape): mesh.v1.PeersListRequest & mesh.v1.PeersListRequest.$Shape;
            static create(properties?: mesh.v1.PeersListRequest.$Properties): mesh.v1.PeersListRequest;

            /**
             * Encodes the specified PeersListRequest message. Does not implicitly {@link mesh.v1.PeersListRequest.verify|verify} messages.
             * @param message PeersListRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.PeersListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PeersListRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.PeersListRequest & mesh.v1.PeersListRequest.$Shape} PeersListRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.PeersListRequest & mesh.v1.PeersListRequest.$Shape;

            /**
             * Gets the type url for PeersListRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PeersListRequest {

            /** Properties of a PeersListRequest. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PeersListRequest. */
            type $Shape = mesh.v1.PeersListRequest.$Properties;
        }

        /**
         * Properties of a PeerList.
         * @deprecated Use mesh.v1.PeerList.$Properties instead.
         */
        interface IPeerList extends mesh.v1.PeerList.$Properties {
        }

        /** Represents a PeerList. */
        class PeerList {

            /**
             * Constructs a new PeerList.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.PeerList.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PeerList peers. */
            peers: mesh.v1.Peer.$Properties[];

            /**
             * Creates a new PeerList instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PeerList instance
             */
            static create(properties: mesh.v1.PeerList.$Shape): mesh.v1.PeerList & mesh.v1.PeerList.$Shape;
            static create(properties?: mesh.v1.PeerList.$Properties): mesh.v1.PeerList;

            /**
             * Encodes the specified PeerList message. Does not implicitly {@link mesh.v1.PeerList.verify|verify} messages.
             * @param message PeerList message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.PeerList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PeerList message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.PeerList & mesh.v1.PeerList.$Shape} PeerList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.PeerList & mesh.v1.PeerList.$Shape;

            /**
             * Gets the type url for PeerList
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PeerList {

            /** Properties of a PeerList. */
            interface $Properties {

                /** PeerList peers */
                peers?: (mesh.v1.Peer.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PeerList. */
            type $Shape = mesh.v1.PeerList.$Properties;
        }

        /** ChatSecurity enum. */
        enum ChatSecurity {

            /** CHAT_SECURITY_PLAIN value */
            CHAT_SECURITY_PLAIN = 0,

            /** CHAT_SECURITY_V1_PASSWORD value */
            CHAT_SECURITY_V1_PASSWORD = 1,

            /** CHAT_SECURITY_UNREADABLE value */
            CHAT_SECURITY_UNREADABLE = 2
        }

        /**
         * Properties of a ChatSendRequest.
         * @deprecated Use mesh.v1.ChatSendRequest.$Properties instead.
         */
        interface IChatSendRequest extends mesh.v1.ChatSendRequest.$Properties {
        }

        /** Represents a ChatSendRequest. */
        class ChatSendRequest {

            /**
             * Constructs a new ChatSendRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.ChatSendRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ChatSendRequest content. */
            content: string;

            /** ChatSendRequest messageId. */
            messageId: string;

            /**
             * Creates a new ChatSendRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ChatSendRequest instance
             */
            static create(properties: mesh.v1.ChatSendRequest.$Shape): mesh.v1.ChatSendRequest & mesh.v1.ChatSendRequest.$Shape;
            static create(properties?: mesh.v1.ChatSendRequest.$Properties): mesh.v1.ChatSendRequest;

            /**
             * Encodes the specified ChatSendRequest message. Does not implicitly {@link mesh.v1.ChatSendRequest.verify|verify} messages.
             * @param message ChatSendRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.ChatSendRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ChatSendRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.ChatSendRequest & mesh.v1.ChatSendRequest.$Shape} ChatSendRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.ChatSendRequest & mesh.v1.ChatSendRequest.$Shape;

            /**
             * Gets the type url for ChatSendRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ChatSendRequest {

            /** Properties of a ChatSendRequest. */
            interface $Properties {

                /** ChatSendRequest content */
                content?: (string|null);

                /** ChatSendRequest messageId */
                messageId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ChatSendRequest. */
            type $Shape = mesh.v1.ChatSendRequest.$Properties;
        }

        /**
         * Properties of a ChatSendReply.
         * @deprecated Use mesh.v1.ChatSendReply.$Properties instead.
         */
        interface IChatSendReply extends mesh.v1.ChatSendReply.$Properties {
        }

        /** Represents a ChatSendReply. */
        class ChatSendReply {

            /**
             * Constructs a new ChatSendReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.ChatSendReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ChatSendReply chat. */
            chat?: (mesh.v1.Chat.$Properties|null);

            /** ChatSendReply targets. */
            targets: mesh.v1.PeerRef.$Properties[];

            /** ChatSendReply error. */
            error: string;

            /** ChatSendReply security. */
            security: mesh.v1.ChatSecurity;

            /** ChatSendReply tooLarge. */
            tooLarge: boolean;

            /**
             * Creates a new ChatSendReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ChatSendReply instance
             */
            static create(properties: mesh.v1.ChatSendReply.$Shape): mesh.v1.ChatSendReply & mesh.v1.ChatSendReply.$Shape;
            static create(properties?: mesh.v1.ChatSendReply.$Properties): mesh.v1.ChatSendReply;

            /**
             * Encodes the specified ChatSendReply message. Does not implicitly {@link mesh.v1.ChatSendReply.verify|verify} messages.
             * @param message ChatSendReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.ChatSendReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ChatSendReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.ChatSendReply & mesh.v1.ChatSendReply.$Shape} ChatSendReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.ChatSendReply & mesh.v1.ChatSendReply.$Shape;

            /**
             * Gets the type url for ChatSendReply
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ChatSendReply {

            /** Properties of a ChatSendReply. */
            interface $Properties {

                /** ChatSendReply chat */
                chat?: (mesh.v1.Chat.$Properties|null);

                /** ChatSendReply targets */
                targets?: (mesh.v1.PeerRef.$Properties[]|null);

                /** ChatSendReply error */
                error?: (string|null);

                /** ChatSendReply security */
                security?: (mesh.v1.ChatSecurity|null);

                /** ChatSendReply tooLarge */
                tooLarge?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ChatSendReply. */
            type $Shape = mesh.v1.ChatSendReply.$Properties;
        }

        /**
         * Properties of a ChatReceived.
         * @deprecated Use mesh.v1.ChatReceived.$Properties instead.
         */
        interface IChatReceived extends mesh.v1.ChatReceived.$Properties {
        }

        /** Represents a ChatReceived. */
        class ChatReceived {

            /**
             * Constructs a new ChatReceived.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.ChatReceived.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ChatReceived chat. */
            chat?: (mesh.v1.Chat.$Properties|null);

            /** ChatReceived from. */
            from?: (mesh.v1.Endpoint.$Properties|null);

            /** ChatReceived security. */
            security: mesh.v1.ChatSecurity;

            /** ChatReceived authenticated. */
            authenticated: boolean;

            /** ChatReceived via. */
            via: string;

            /**
             * Creates a new ChatReceived instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ChatReceived instance
             */
            static create(properties: mesh.v1.ChatReceived.$Shape): mesh.v1.ChatReceived & mesh.v1.ChatReceived.$Shape;
            static create(properties?: mesh.v1.ChatReceived.$Properties): mesh.v1.ChatReceived;

            /**
             * Encodes the specified ChatReceived message. Does not implicitly {@link mesh.v1.ChatReceived.verify|verify} messages.
             * @param message ChatReceived message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.ChatReceived.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ChatReceived message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.ChatReceived & mesh.v1.ChatReceived.$Shape} ChatReceived
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.ChatReceived & mesh.v1.ChatReceived.$Shape;

            /**
             * Gets the type url for ChatReceived
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ChatReceived {

            /** Properties of a ChatReceived. */
            interface $Properties {

                /** ChatReceived chat */
                chat?: (mesh.v1.Chat.$Properties|null);

                /** ChatReceived from */
                from?: (mesh.v1.Endpoint.$Properties|null);

                /** ChatReceived security */
                security?: (mesh.v1.ChatSecurity|null);

                /** ChatReceived authenticated */
                authenticated?: (boolean|null);

                /** ChatReceived via */
                via?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ChatReceived. */
            type $Shape = mesh.v1.ChatReceived.$Properties;
        }

        /**
         * Properties of a RouterStatsRequest.
         * @deprecated Use mesh.v1.RouterStatsRequest.$Properties instead.
         */
        interface IRouterStatsRequest extends mesh.v1.RouterStatsRequest.$Properties {
        }

        /** Represents a RouterStatsRequest. */
        class RouterStatsRequest {

            /**
             * Constructs a new RouterStatsRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.RouterStatsRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new RouterStatsRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RouterStatsRequest instance
             */
            static create(properties: mesh.v1.RouterStatsRequest.$Shape): mesh.v1.RouterStatsRequest & mesh.v1.RouterStatsRequest.$Shape;
            static create(properties?: mesh.v1.RouterStatsRequest.$Properties): mesh.v1.RouterStatsRequest;

            /**
             * Encodes the specified RouterStatsRequest message. Does not implicitly {@link mesh.v1.RouterStatsRequest.verify|verify} messages.
             * @param message RouterStatsRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.RouterStatsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RouterStatsRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.RouterStatsRequest & mesh.v1.RouterStatsRequest.$Shape} RouterStatsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.RouterStatsRequest & mesh.v1.RouterStatsRequest.$Shape;

            /**
             * Gets the type url for RouterStatsRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RouterStatsRequest {

            /** Properties of a RouterStatsRequest. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RouterStatsRequest. */
            type $Shape = mesh.v1.RouterStatsRequest.$Properties;
        }

        /**
         * Properties of a RouterStats.
         * @deprecated Use mesh.v1.RouterStats.$Properties instead.
         */
        interface IRouterStats extends mesh.v1.RouterStats.$Properties {
        }

        /** Represents a RouterStats. */
        class RouterStats {

            /**
             * Constructs a new RouterStats.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.RouterStats.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RouterStats dropped. */
            dropped: { [k: string]: number };

            /** RouterStats received. */
            received: number;

            /** RouterStats relayed. */
            relayed: number;

            /**
             * Creates a new RouterStats instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RouterStats instance
             */
            static create(properties: mesh.v1.RouterStats.$Shape): mesh.v1.RouterStats & mesh.v1.RouterStats.$Shape;
            static create(properties?: mesh.v1.RouterStats.$Properties): mesh.v1.RouterStats;

            /**
             * Encodes the specified RouterStats message. Does not implicitly {@link mesh.v1.RouterStats.verify|verify} messages.
             * @param message RouterStats message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.RouterStats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RouterStats message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.RouterStats & mesh.v1.RouterStats.$Shape} RouterStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.RouterStats & mesh.v1.RouterStats.$Shape;

            /**
             * Gets the type url for RouterStats
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RouterStats {

            /** Properties of a RouterStats. */
            interface $Properties {

                /** RouterStats dropped */
                dropped?: ({ [k: string]: number }|null);

                /** RouterStats received */
                received?: (number|null);

                /** RouterStats relayed */
                relayed?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RouterStats. */
            type $Shape = mesh.v1.RouterStats.$Properties;
        }

        /**
         * Properties of a FileChunkReceived.
         * @deprecated Use mesh.v1.FileChunkReceived.$Properties instead.
         */
        interface IFileChunkReceived extends mesh.v1.FileChunkReceived.$Properties {
        }

        /** Represents a FileChunkReceived. */
        class FileChunkReceived {

            /**
             * Constructs a new FileChunkReceived.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileChunkReceived.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileChunkReceived chunk. */
            chunk?: (mesh.v1.FileChunk.$Properties|null);

            /** FileChunkReceived from. */
            from?: (mesh.v1.Endpoint.$Properties|null);

            /**
             * Creates a new FileChunkReceived instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileChunkReceived instance
             */
            static create(properties: mesh.v1.FileChunkReceived.$Shape): mesh.v1.FileChunkReceived & mesh.v1.FileChunkReceived.$Shape;
            static create(properties?: mesh.v1.FileChunkReceived.$Properties): mesh.v1.FileChunkReceived;

            /**
             * Encodes the specified FileChunkReceived message. Does not implicitly {@link mesh.v1.FileChunkReceived.verify|verify} messages.
             * @param message FileChunkReceived message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileChunkReceived.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileChunkReceived message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileChunkReceived & mesh.v1.FileChunkReceived.$Shape} FileChunkReceived
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileChunkReceived & mesh.v1.FileChunkReceived.$Shape;

            /**
             * Gets the type url for FileChunkReceived
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileChunkReceived {

            /** Properties of a FileChunkReceived. */
            interface $Properties {

                /** FileChunkReceived chunk */
                chunk?: (mesh.v1.FileChunk.$Properties|null);

                /** FileChunkReceived from */
                from?: (mesh.v1.Endpoint.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileChunkReceived. */
            type $Shape = mesh.v1.FileChunkReceived.$Properties;
        }

        /**
         * Properties of a FileAdmitRequest.
         * @deprecated Use mesh.v1.FileAdmitRequest.$Properties instead.
         */
        interface IFileAdmitRequest extends mesh.v1.FileAdmitRequest.$Properties {
        }

        /** Represents a FileAdmitRequest. */
        class FileAdmitRequest {

            /**
             * Constructs a new FileAdmitRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileAdmitRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileAdmitRequest chunk. */
            chunk?: (mesh.v1.FileChunk.$Properties|null);

            /** FileAdmitRequest from. */
            from?: (mesh.v1.Endpoint.$Properties|null);

            /** FileAdmitRequest direct. */
            direct: boolean;

            /**
             * Creates a new FileAdmitRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileAdmitRequest instance
             */
            static create(properties: mesh.v1.FileAdmitRequest.$Shape): mesh.v1.FileAdmitRequest & mesh.v1.FileAdmitRequest.$Shape;
            static create(properties?: mesh.v1.FileAdmitRequest.$Properties): mesh.v1.FileAdmitRequest;

            /**
             * Encodes the specified FileAdmitRequest message. Does not implicitly {@link mesh.v1.FileAdmitRequest.verify|verify} messages.
             * @param message FileAdmitRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileAdmitRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileAdmitRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileAdmitRequest & mesh.v1.FileAdmitRequest.$Shape} FileAdmitRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileAdmitRequest & mesh.v1.FileAdmitRequest.$Shape;

            /**
             * Gets the type url for FileAdmitRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileAdmitRequest {

            /** Properties of a FileAdmitRequest. */
            interface $Properties {

                /** FileAdmitRequest chunk */
                chunk?: (mesh.v1.FileChunk.$Properties|null);

                /** FileAdmitRequest from */
                from?: (mesh.v1.Endpoint.$Properties|null);

                /** FileAdmitRequest direct */
                direct?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileAdmitRequest. */
            type $Shape = mesh.v1.FileAdmitRequest.$Properties;
        }

        /**
         * Properties of a FileAdmitReply.
         * @deprecated Use mesh.v1.FileAdmitReply.$Properties instead.
         */
        interface IFileAdmitReply extends mesh.v1.FileAdmitReply.$Properties {
        }

        /** Represents a FileAdmitReply. */
        class FileAdmitReply {

            /**
             * Constructs a new FileAdmitReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileAdmitReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileAdmitReply accepted. */
            accepted: boolean;

            /** FileAdmitReply reason. */
            reason: string;

            /**
             * Creates a new FileAdmitReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileAdmitReply instance
             */
            static create(properties: mesh.v1.FileAdmitReply.$Shape): mesh.v1.FileAdmitReply & mesh.v1.FileAdmitReply.$Shape;
            static create(properties?: mesh.v1.FileAdmitReply.$Properties): mesh.v1.FileAdmitReply;

            /**
             * Encodes the specified FileAdmitReply message. Does not implicitly {@link mesh.v1.FileAdmitReply.verify|verify} messages.
             * @param message FileAdmitReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileAdmitReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileAdmitReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileAdmitReply & mesh.v1.FileAdmitReply.$Shape} FileAdmitReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileAdmitReply & mesh.v1.FileAdmitReply.$Shape;

            /**
             * Gets the type url for FileAdmitReply
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileAdmitReply {

            /** Properties of a FileAdmitReply. */
            interface $Properties {

                /** FileAdmitReply accepted */
                accepted?: (boolean|null);

                /** FileAdmitReply reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileAdmitReply. */
            type $Shape = mesh.v1.FileAdmitReply.$Properties;
        }

        /**
         * Properties of a FileChunkSend.
         * @deprecated Use mesh.v1.FileChunkSend.$Properties instead.
         */
        interface IFileChunkSend extends mesh.v1.FileChunkSend.$Properties {
        }

        /** Represents a FileChunkSend. */
        class FileChunkSend {

            /**
             * Constructs a new FileChunkSend.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileChunkSend.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileChunkSend chunk. */
            chunk?: (mesh.v1.FileChunk.$Properties|null);

            /** FileChunkSend target. */
            target?: (mesh.v1.PeerRef.$Properties|null);

            /**
             * Creates a new FileChunkSend instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileChunkSend instance
             */
            static create(properties: mesh.v1.FileChunkSend.$Shape): mesh.v1.FileChunkSend & mesh.v1.FileChunkSend.$Shape;
            static create(properties?: mesh.v1.FileChunkSend.$Properties): mesh.v1.FileChunkSend;

            /**
             * Encodes the specified FileChunkSend message. Does not implicitly {@link mesh.v1.FileChunkSend.verify|verify} messages.
             * @param message FileChunkSend message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileChunkSend.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileChunkSend message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileChunkSend & mesh.v1.FileChunkSend.$Shape} FileChunkSend
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileChunkSend & mesh.v1.FileChunkSend.$Shape;

            /**
             * Gets the type url for FileChunkSend
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileChunkSend {

            /** Properties of a FileChunkSend. */
            interface $Properties {

                /** FileChunkSend chunk */
                chunk?: (mesh.v1.FileChunk.$Properties|null);

                /** FileChunkSend target */
                target?: (mesh.v1.PeerRef.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileChunkSend. */
            type $Shape = mesh.v1.FileChunkSend.$Properties;
        }

        /**
         * Properties of a FileUploadRequest.
         * @deprecated Use mesh.v1.FileUploadRequest.$Properties instead.
         */
        interface IFileUploadRequest extends mesh.v1.FileUploadRequest.$Properties {
        }

        /** Represents a FileUploadRequest. */
        class FileUploadRequest {

            /**
             * Constructs a new FileUploadRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileUploadRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileUploadRequest streamId. */
            streamId: string;

            /** FileUploadRequest filename. */
            filename: string;

            /** FileUploadRequest size. */
            size: number;

            /**
             * Creates a new FileUploadRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileUploadRequest instance
             */
            static create(properties: mesh.v1.FileUploadRequest.$Shape): mesh.v1.FileUploadRequest & mesh.v1.FileUploadRequest.$Shape;
            static create(properties?: mesh.v1.FileUploadRequest.$Properties): mesh.v1.FileUploadRequest;

            /**
             * Encodes the specified FileUploadRequest message. Does not implicitly {@link mesh.v1.FileUploadRequest.verify|verify} messages.
             * @param message FileUploadRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileUploadRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileUploadRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileUploadRequest & mesh.v1.FileUploadRequest.$Shape} FileUploadRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileUploadRequest & mesh.v1.FileUploadRequest.$Shape;

            /**
             * Gets the type url for FileUploadRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileUploadRequest {

            /** Properties of a FileUploadRequest. */
            interface $Properties {

                /** FileUploadRequest streamId */
                streamId?: (string|null);

                /** FileUploadRequest filename */
                filename?: (string|null);

                /** FileUploadRequest size */
                size?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileUploadRequest. */
            type $Shape = mesh.v1.FileUploadRequest.$Properties;
        }

        /**
         * Properties of a FileSendReply.
         * @deprecated Use mesh.v1.FileSendReply.$Properties instead.
         */
        interface IFileSendReply extends mesh.v1.FileSendReply.$Properties {
        }

        /** Represents a FileSendReply. */
        class FileSendReply {

            /**
             * Constructs a new FileSendReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileSendReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileSendReply fileId. */
            fileId: string;

            /** FileSendReply filename. */
            filename: string;

            /** FileSendReply size. */
            size: number;

            /** FileSendReply totalChunks. */
            totalChunks: number;

            /** FileSendReply error. */
            error: string;

            /** FileSendReply tooLarge. */
            tooLarge: boolean;

            /**
             * Creates a new FileSendReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileSendReply instance
             */
            static create(properties: mesh.v1.FileSendReply.$Shape): mesh.v1.FileSendReply & mesh.v1.FileSendReply.$Shape;
            static create(properties?: mesh.v1.FileSendReply.$Properties): mesh.v1.FileSendReply;

            /**
             * Encodes the specified FileSendReply message. Does not implicitly {@link mesh.v1.FileSendReply.verify|verify} messages.
             * @param message FileSendReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileSendReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileSendReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileSendReply & mesh.v1.FileSendReply.$Shape} FileSendReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileSendReply & mesh.v1.FileSendReply.$Shape;

            /**
             * Gets the type url for FileSendReply
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileSendReply {

            /** Properties of a FileSendReply. */
            interface $Properties {

                /** FileSendReply fileId */
                fileId?: (string|null);

                /** FileSendReply filename */
                filename?: (string|null);

                /** FileSendReply size */
                size?: (number|null);

                /** FileSendReply totalChunks */
                totalChunks?: (number|null);

                /** FileSendReply error */
                error?: (string|null);

                /** FileSendReply tooLarge */
                tooLarge?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileSendReply. */
            type $Shape = mesh.v1.FileSendReply.$Properties;
        }

        /** Direction enum. */
        enum Direction {

            /** DIRECTION_UNSPECIFIED value */
            DIRECTION_UNSPECIFIED = 0,

            /** DIRECTION_IN value */
            DIRECTION_IN = 1,

            /** DIRECTION_OUT value */
            DIRECTION_OUT = 2
        }

        /**
         * Properties of a FileProgress.
         * @deprecated Use mesh.v1.FileProgress.$Properties instead.
         */
        interface IFileProgress extends mesh.v1.FileProgress.$Properties {
        }

        /** Represents a FileProgress. */
        class FileProgress {

            /**
             * Constructs a new FileProgress.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileProgress.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileProgress fileId. */
            fileId: string;

            /** FileProgress filename. */
            filename: string;

            /** FileProgress direction. */
            direction: mesh.v1.Direction;

            /** FileProgress bytesDone. */
            bytesDone: number;

            /** FileProgress size. */
            size: number;

            /** FileProgress chunksDone. */
            chunksDone: number;

            /** FileProgress totalChunks. */
            totalChunks: number;

            /** FileProgress senderId. */
            senderId: string;

            /** FileProgress senderName. */
            senderName: string;

            /**
             * Creates a new FileProgress instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileProgress instance
             */
            static create(properties: mesh.v1.FileProgress.$Shape): mesh.v1.FileProgress & mesh.v1.FileProgress.$Shape;
            static create(properties?: mesh.v1.FileProgress.$Properties): mesh.v1.FileProgress;

            /**
             * Encodes the specified FileProgress message. Does not implicitly {@link mesh.v1.FileProgress.verify|verify} messages.
             * @param message FileProgress message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileProgress.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileProgress message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileProgress & mesh.v1.FileProgress.$Shape} FileProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileProgress & mesh.v1.FileProgress.$Shape;

            /**
             * Gets the type url for FileProgress
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileProgress {

            /** Properties of a FileProgress. */
            interface $Properties {

                /** FileProgress fileId */
                fileId?: (string|null);

                /** FileProgress filename */
                filename?: (string|null);

                /** FileProgress direction */
                direction?: (mesh.v1.Direction|null);

                /** FileProgress bytesDone */
                bytesDone?: (number|null);

                /** FileProgress size */
                size?: (number|null);

                /** FileProgress chunksDone */
                chunksDone?: (number|null);

                /** FileProgress totalChunks */
                totalChunks?: (number|null);

                /** FileProgress senderId */
                senderId?: (string|null);

                /** FileProgress senderName */
                senderName?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileProgress. */
            type $Shape = mesh.v1.FileProgress.$Properties;
        }

        /**
         * Properties of a FileReceived.
         * @deprecated Use mesh.v1.FileReceived.$Properties instead.
         */
        interface IFileReceived extends mesh.v1.FileReceived.$Properties {
        }

        /** Represents a FileReceived. */
        class FileReceived {

            /**
             * Constructs a new FileReceived.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileReceived.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileReceived fileId. */
            fileId: string;

            /** FileReceived filename. */
            filename: string;

            /** FileReceived size. */
            size: number;

            /** FileReceived sha256. */
            sha256: string;

            /** FileReceived senderId. */
            senderId: string;

            /** FileReceived senderName. */
            senderName: string;

            /** FileReceived authenticated. */
            authenticated: boolean;

            /**
             * Creates a new FileReceived instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileReceived instance
             */
            static create(properties: mesh.v1.FileReceived.$Shape): mesh.v1.FileReceived & mesh.v1.FileReceived.$Shape;
            static create(properties?: mesh.v1.FileReceived.$Properties): mesh.v1.FileReceived;

            /**
             * Encodes the specified FileReceived message. Does not implicitly {@link mesh.v1.FileReceived.verify|verify} messages.
             * @param message FileReceived message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileReceived.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileReceived message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileReceived & mesh.v1.FileReceived.$Shape} FileReceived
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileReceived & mesh.v1.FileReceived.$Shape;

            /**
             * Gets the type url for FileReceived
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileReceived {

            /** Properties of a FileReceived. */
            interface $Properties {

                /** FileReceived fileId */
                fileId?: (string|null);

                /** FileReceived filename */
                filename?: (string|null);

                /** FileReceived size */
                size?: (number|null);

                /** FileReceived sha256 */
                sha256?: (string|null);

                /** FileReceived senderId */
                senderId?: (string|null);

                /** FileReceived senderName */
                senderName?: (string|null);

                /** FileReceived authenticated */
                authenticated?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileReceived. */
            type $Shape = mesh.v1.FileReceived.$Properties;
        }

        /**
         * Properties of a FileFailed.
         * @deprecated Use mesh.v1.FileFailed.$Properties instead.
         */
        interface IFileFailed extends mesh.v1.FileFailed.$Properties {
        }

        /** Represents a FileFailed. */
        class FileFailed {

            /**
             * Constructs a new FileFailed.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileFailed.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileFailed fileId. */
            fileId: string;

            /** FileFailed filename. */
            filename: string;

            /** FileFailed direction. */
            direction: mesh.v1.Direction;

            /** FileFailed reason. */
            reason: string;

            /**
             * Creates a new FileFailed instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileFailed instance
             */
            static create(properties: mesh.v1.FileFailed.$Shape): mesh.v1.FileFailed & mesh.v1.FileFailed.$Shape;
            static create(properties?: mesh.v1.FileFailed.$Properties): mesh.v1.FileFailed;

            /**
             * Encodes the specified FileFailed message. Does not implicitly {@link mesh.v1.FileFailed.verify|verify} messages.
             * @param message FileFailed message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileFailed.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileFailed message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileFailed & mesh.v1.FileFailed.$Shape} FileFailed
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileFailed & mesh.v1.FileFailed.$Shape;

            /**
             * Gets the type url for FileFailed
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileFailed {

            /** Properties of a FileFailed. */
            interface $Properties {

                /** FileFailed fileId */
                fileId?: (string|null);

                /** FileFailed filename */
                filename?: (string|null);

                /** FileFailed direction */
                direction?: (mesh.v1.Direction|null);

                /** FileFailed reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileFailed. */
            type $Shape = mesh.v1.FileFailed.$Properties;
        }

        /**
         * Properties of a FileSent.
         * @deprecated Use mesh.v1.FileSent.$Properties instead.
         */
        interface IFileSent extends mesh.v1.FileSent.$Properties {
        }

        /** Represents a FileSent. */
        class FileSent {

            /**
             * Constructs a new FileSent.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileSent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileSent fileId. */
            fileId: string;

            /** FileSent filename. */
            filename: string;

            /** FileSent size. */
            size: number;

            /** FileSent peers. */
            peers: mesh.v1.PeerOutcome.$Properties[];

            /**
             * Creates a new FileSent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileSent instance
             */
            static create(properties: mesh.v1.FileSent.$Shape): mesh.v1.FileSent & mesh.v1.FileSent.$Shape;
            static create(properties?: mesh.v1.FileSent.$Properties): mesh.v1.FileSent;

            /**
             * Encodes the specified FileSent message. Does not implicitly {@link mesh.v1.FileSent.verify|verify} messages.
             * @param message FileSent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileSent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileSent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileSent & mesh.v1.FileSent.$Shape} FileSent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileSent & mesh.v1.FileSent.$Shape;

            /**
             * Gets the type url for FileSent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileSent {

            /** Properties of a FileSent. */
            interface $Properties {

                /** FileSent fileId */
                fileId?: (string|null);

                /** FileSent filename */
                filename?: (string|null);

                /** FileSent size */
                size?: (number|null);

                /** FileSent peers */
                peers?: (mesh.v1.PeerOutcome.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileSent. */
            type $Shape = mesh.v1.FileSent.$Properties;
        }

        /**
         * Properties of a PeerOutcome.
         * @deprecated Use mesh.v1.PeerOutcome.$Properties instead.
         */
        interface IPeerOutcome extends mesh.v1.PeerOutcome.$Properties {
        }

        /** Represents a PeerOutcome. */
        class PeerOutcome {

            /**
             * Constructs a new PeerOutcome.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.PeerOutcome.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PeerOutcome peer. */
            peer?: (mesh.v1.PeerRef.$Properties|null);

            /** PeerOutcome ok. */
            ok: boolean;

            /** PeerOutcome error. */
            error: string;

            /**
             * Creates a new PeerOutcome instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PeerOutcome instance
             */
            static create(properties: mesh.v1.PeerOutcome.$Shape): mesh.v1.PeerOutcome & mesh.v1.PeerOutcome.$Shape;
            static create(properties?: mesh.v1.PeerOutcome.$Properties): mesh.v1.PeerOutcome;

            /**
             * Encodes the specified PeerOutcome message. Does not implicitly {@link mesh.v1.PeerOutcome.verify|verify} messages.
             * @param message PeerOutcome message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.PeerOutcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PeerOutcome message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.PeerOutcome & mesh.v1.PeerOutcome.$Shape} PeerOutcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.PeerOutcome & mesh.v1.PeerOutcome.$Shape;

            /**
             * Gets the type url for PeerOutcome
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PeerOutcome {

            /** Properties of a PeerOutcome. */
            interface $Properties {

                /** PeerOutcome peer */
                peer?: (mesh.v1.PeerRef.$Properties|null);

                /** PeerOutcome ok */
                ok?: (boolean|null);

                /** PeerOutcome error */
                error?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PeerOutcome. */
            type $Shape = mesh.v1.PeerOutcome.$Properties;
        }

        /**
         * Properties of a FileDownloadRequest.
         * @deprecated Use mesh.v1.FileDownloadRequest.$Properties instead.
         */
        interface IFileDownloadRequest extends mesh.v1.FileDownloadRequest.$Properties {
        }

        /** Represents a FileDownloadRequest. */
        class FileDownloadRequest {

            /**
             * Constructs a new FileDownloadRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileDownloadRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileDownloadRequest streamId. */
            streamId: string;

            /** FileDownloadRequest filename. */
            filename: string;

            /**
             * Creates a new FileDownloadRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileDownloadRequest instance
             */
            static create(properties: mesh.v1.FileDownloadRequest.$Shape): mesh.v1.FileDownloadRequest & mesh.v1.FileDownloadRequest.$Shape;
            static create(properties?: mesh.v1.FileDownloadRequest.$Properties): mesh.v1.FileDownloadRequest;

            /**
             * Encodes the specified FileDownloadRequest message. Does not implicitly {@link mesh.v1.FileDownloadRequest.verify|verify} messages.
             * @param message FileDownloadRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileDownloadRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileDownloadRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileDownloadRequest & mesh.v1.FileDownloadRequest.$Shape} FileDownloadRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileDownloadRequest & mesh.v1.FileDownloadRequest.$Shape;

            /**
             * Gets the type url for FileDownloadRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileDownloadRequest {

            /** Properties of a FileDownloadRequest. */
            interface $Properties {

                /** FileDownloadRequest streamId */
                streamId?: (string|null);

                /** FileDownloadRequest filename */
                filename?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileDownloadRequest. */
            type $Shape = mesh.v1.FileDownloadRequest.$Properties;
        }

        /**
         * Properties of a FileDownloadReply.
         * @deprecated Use mesh.v1.FileDownloadReply.$Properties instead.
         */
        interface IFileDownloadReply extends mesh.v1.FileDownloadReply.$Properties {
        }

        /** Represents a FileDownloadReply. */
        class FileDownloadReply {

            /**
             * Constructs a new FileDownloadReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileDownloadReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileDownloadReply size. */
            size: number;

            /** FileDownloadReply error. */
            error: string;

            /** FileDownloadReply notFound. */
            notFound: boolean;

            /**
             * Creates a new FileDownloadReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileDownloadReply instance
             */
            static create(properties: mesh.v1.FileDownloadReply.$Shape): mesh.v1.FileDownloadReply & mesh.v1.FileDownloadReply.$Shape;
            static create(properties?: mesh.v1.FileDownloadReply.$Properties): mesh.v1.FileDownloadReply;

            /**
             * Encodes the specified FileDownloadReply message. Does not implicitly {@link mesh.v1.FileDownloadReply.verify|verify} messages.
             * @param message FileDownloadReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileDownloadReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileDownloadReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileDownloadReply & mesh.v1.FileDownloadReply.$Shape} FileDownloadReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileDownloadReply & mesh.v1.FileDownloadReply.$Shape;

            /**
             * Gets the type url for FileDownloadReply
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileDownloadReply {

            /** Properties of a FileDownloadReply. */
            interface $Properties {

                /** FileDownloadReply size */
                size?: (number|null);

                /** FileDownloadReply error */
                error?: (string|null);

                /** FileDownloadReply notFound */
                notFound?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileDownloadReply. */
            type $Shape = mesh.v1.FileDownloadReply.$Properties;
        }

        /**
         * Properties of a FilesListRequest.
         * @deprecated Use mesh.v1.FilesListRequest.$Properties instead.
         */
        interface IFilesListRequest extends mesh.v1.FilesListRequest.$Properties {
        }

        /** Represents a FilesListRequest. */
        class FilesListRequest {

            /**
             * Constructs a new FilesListRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FilesListRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new FilesListRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FilesListRequest instance
             */
            static create(properties: mesh.v1.FilesListRequest.$Shape): mesh.v1.FilesListRequest & mesh.v1.FilesListRequest.$Shape;
            static create(properties?: mesh.v1.FilesListRequest.$Properties): mesh.v1.FilesListRequest;

            /**
             * Encodes the specified FilesListRequest message. Does not implicitly {@link mesh.v1.FilesListRequest.verify|verify} messages.
             * @param message FilesListRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FilesListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FilesListRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FilesListRequest & mesh.v1.FilesListRequest.$Shape} FilesListRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FilesListRequest & mesh.v1.FilesListRequest.$Shape;

            /**
             * Gets the type url for FilesListRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FilesListRequest {

            /** Properties of a FilesListRequest. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FilesListRequest. */
            type $Shape = mesh.v1.FilesListRequest.$Properties;
        }

        /**
         * Properties of a StoredFile.
         * @deprecated Use mesh.v1.StoredFile.$Properties instead.
         */
        interface IStoredFile extends mesh.v1.StoredFile.$Properties {
        }

        /** Represents a StoredFile. */
        class StoredFile {

            /**
             * Constructs a new StoredFile.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.StoredFile.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StoredFile filename. */
            filename: string;

            /** StoredFile size. */
            size: number;

            /** StoredFile modified. */
            modified: number;

            /**
             * Creates a new StoredFile instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StoredFile instance
             */
            static create(properties: mesh.v1.StoredFile.$Shape): mesh.v1.StoredFile & mesh.v1.StoredFile.$Shape;
            static create(properties?: mesh.v1.StoredFile.$Properties): mesh.v1.StoredFile;

            /**
             * Encodes the specified StoredFile message. Does not implicitly {@link mesh.v1.StoredFile.verify|verify} messages.
             * @param message StoredFile message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.StoredFile.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StoredFile message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.StoredFile & mesh.v1.StoredFile.$Shape} StoredFile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.StoredFile & mesh.v1.StoredFile.$Shape;

            /**
             * Gets the type url for StoredFile
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace StoredFile {

            /** Properties of a StoredFile. */
            interface $Properties {

                /** StoredFile filename */
                filename?: (string|null);

                /** StoredFile size */
                size?: (number|null);

                /** StoredFile modified */
                modified?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StoredFile. */
            type $Shape = mesh.v1.StoredFile.$Properties;
        }

        /**
         * Properties of a FileList.
         * @deprecated Use mesh.v1.FileList.$Properties instead.
         */
        interface IFileList extends mesh.v1.FileList.$Properties {
        }

        /** Represents a FileList. */
        class FileList {

            /**
             * Constructs a new FileList.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.FileList.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileList files. */
            files: mesh.v1.StoredFile.$Properties[];

            /**
             * Creates a new FileList instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileList instance
             */
            static create(properties: mesh.v1.FileList.$Shape): mesh.v1.FileList & mesh.v1.FileList.$Shape;
            static create(properties?: mesh.v1.FileList.$Properties): mesh.v1.FileList;

            /**
             * Encodes the specified FileList message. Does not implicitly {@link mesh.v1.FileList.verify|verify} messages.
             * @param message FileList message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.FileList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileList message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.FileList & mesh.v1.FileList.$Shape} FileList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.FileList & mesh.v1.FileList.$Shape;

            /**
             * Gets the type url for FileList
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileList {

            /** Properties of a FileList. */
            interface $Properties {

                /** FileList files */
                files?: (mesh.v1.StoredFile.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileList. */
            type $Shape = mesh.v1.FileList.$Properties;
        }

        /**
         * Properties of a StreamData.
         * @deprecated Use mesh.v1.StreamData.$Properties instead.
         */
        interface IStreamData extends mesh.v1.StreamData.$Properties {
        }

        /** Represents a StreamData. */
        class StreamData {

            /**
             * Constructs a new StreamData.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.StreamData.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StreamData seq. */
            seq: number;

            /** StreamData data. */
            data: Uint8Array;

            /** StreamData end. */
            end: boolean;

            /** StreamData error. */
            error: string;

            /**
             * Creates a new StreamData instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StreamData instance
             */
            static create(properties: mesh.v1.StreamData.$Shape): mesh.v1.StreamData & mesh.v1.StreamData.$Shape;
            static create(properties?: mesh.v1.StreamData.$Properties): mesh.v1.StreamData;

            /**
             * Encodes the specified StreamData message. Does not implicitly {@link mesh.v1.StreamData.verify|verify} messages.
             * @param message StreamData message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.StreamData.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StreamData message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.StreamData & mesh.v1.StreamData.$Shape} StreamData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.StreamData & mesh.v1.StreamData.$Shape;

            /**
             * Gets the type url for StreamData
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace StreamData {

            /** Properties of a StreamData. */
            interface $Properties {

                /** StreamData seq */
                seq?: (number|null);

                /** StreamData data */
                data?: (Uint8Array|null);

                /** StreamData end */
                end?: (boolean|null);

                /** StreamData error */
                error?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StreamData. */
            type $Shape = mesh.v1.StreamData.$Properties;
        }

        /**
         * Properties of a StreamControl.
         * @deprecated Use mesh.v1.StreamControl.$Properties instead.
         */
        interface IStreamControl extends mesh.v1.StreamControl.$Properties {
        }

        /** Represents a StreamControl. */
        class StreamControl {

            /**
             * Constructs a new StreamControl.
             * @param [properties] Properties to set
             */
            constructor(properties?: mesh.v1.StreamControl.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StreamControl credit. */
            credit: number;

            /** StreamControl done. */
            done: boolean;

            /** StreamControl error. */
            error: string;

            /**
             * Creates a new StreamControl instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StreamControl instance
             */
            static create(properties: mesh.v1.StreamControl.$Shape): mesh.v1.StreamControl & mesh.v1.StreamControl.$Shape;
            static create(properties?: mesh.v1.StreamControl.$Properties): mesh.v1.StreamControl;

            /**
             * Encodes the specified StreamControl message. Does not implicitly {@link mesh.v1.StreamControl.verify|verify} messages.
             * @param message StreamControl message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mesh.v1.StreamControl.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StreamControl message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mesh.v1.StreamControl & mesh.v1.StreamControl.$Shape} StreamControl
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mesh.v1.StreamControl & mesh.v1.StreamControl.$Shape;

            /**
             * Gets the type url for StreamControl
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace StreamControl {

            /** Properties of a StreamControl. */
            interface $Properties {

                /** StreamControl credit */
                credit?: (number|null);

                /** StreamControl done */
                done?: (boolean|null);

                /** StreamControl error */
                error?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StreamControl. */
            type $Shape = mesh.v1.StreamControl.$Properties;
        }
    }
}
