package callcenter.web.pages;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Serves the caller demo page at {@code /call} (the file is {@code call.html}, next to the dashboard). */
@WebServlet(name = "callPage", urlPatterns = "/call")
public class CallPageServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.getRequestDispatcher("/call.html").forward(request, response);
    }
}
