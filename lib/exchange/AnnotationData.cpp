#include "exchange/AnnotationData.h"

#include "exchange/Exchange_p.h"

namespace mirsad::exchange {

Status writeAnnotations(const briefs::Brief& brief, DataFormat format, QIODevice& out) {
    switch (format) {
    case DataFormat::Csv:
        return detail::writeCsv(brief, out);
    case DataFormat::Json:
        return detail::writeJson(brief, out);
    case DataFormat::W3c:
        return detail::writeW3c(brief, out);
    }
    return Error{QStringLiteral("Unknown annotation format.")};
}

} // namespace mirsad::exchange
