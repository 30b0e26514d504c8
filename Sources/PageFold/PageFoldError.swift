/// Every way a request can be wrong. The message names the field and the reason.
public struct PageFoldError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
