import Foundation

/// The guest's initramfs: an uncompressed cpio archive in the "newc" format the kernel unpacks
/// (Documentation/driver-api/early-userspace/buffer-format.rst): /dev with the console, an empty
/// /proc, and /init.
enum Initramfs {
    struct Entry {
        let name: String
        let mode: UInt32
        let rdev: (major: UInt32, minor: UInt32)
        let data: Data
    }

    static func image(initProgram: Data) -> Data {
        archive([
            Entry(name: "dev", mode: 0o040755, rdev: (0, 0), data: Data()),
            Entry(name: "dev/console", mode: 0o020600, rdev: (5, 1), data: Data()),
            Entry(name: "proc", mode: 0o040755, rdev: (0, 0), data: Data()),
            Entry(name: "init", mode: 0o100755, rdev: (0, 0), data: initProgram),
        ])
    }

    static func archive(_ entries: [Entry]) -> Data {
        var out = Data()
        func pad() { while out.count % 4 != 0 { out.append(0) } }
        func record(_ e: Entry, ino: Int) {
            let fields: [UInt32] = [UInt32(ino), e.mode, 0, 0, e.mode & 0o040000 != 0 ? 2 : 1, 0, UInt32(e.data.count),
                                    0, 0, e.rdev.major, e.rdev.minor, UInt32(e.name.utf8.count + 1), 0]
            out.append(contentsOf: Array("070701".utf8))
            for f in fields { out.append(contentsOf: Array(String(format: "%08X", f).utf8)) }
            out.append(contentsOf: Array(e.name.utf8))
            out.append(0)
            pad()
            out.append(e.data)
            pad()
        }
        for (i, e) in entries.enumerated() { record(e, ino: i + 1) }
        record(Entry(name: "TRAILER!!!", mode: 0, rdev: (0, 0), data: Data()), ino: 0)
        return out
    }
}
