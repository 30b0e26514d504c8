/// Every way a request can be wrong. The message names the field and the reason.
public struct PageFoldError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// An address or entry value as the kernel prints it: 0x and lower-case hex.
public func hex(_ v: UInt64) -> String {
    "0x" + String(v, radix: 16)
}
