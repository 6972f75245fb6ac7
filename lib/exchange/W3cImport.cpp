#include "exchange/AnnotationData.h"

namespace mirsad::exchange {

Result<ImportReport> importW3cAnnotations(QSqlDatabase&, const QByteArray&) {
    return Error{QStringLiteral("Importing annotations is not available yet.")};
}

} // namespace mirsad::exchange
