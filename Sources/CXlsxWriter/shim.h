// libxlsxwriter (Debian's libxlsxwriter-dev): writes .xlsx workbooks that Excel, WPS and LibreOffice open.
#include <xlsxwriter.h>
